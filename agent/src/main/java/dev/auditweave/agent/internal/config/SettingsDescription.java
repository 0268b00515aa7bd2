package dev.auditweave.agent.internal.config;

import java.util.StringJoiner;

/**
 * What some source set, one line {@code key = value (source)} per key, in table order, headers last; secrets masked
 * ({@link Settings#describe()}).
 */
final class SettingsDescription {

    private SettingsDescription() {
    }

    static String of(Resolution resolution) {
        StringJoiner lines = new StringJoiner("\n");
        resolution.explicit().forEach((key, value) -> lines.add(line(value, key.type())));
        resolution.headerValues().forEach(value -> lines.add(line(value, ConfigKeys.HTTP_HEADER.type())));
        resolution.sinkKeyValues().forEach(value -> lines.add(sinkLine(value)));
        return lines.toString();
    }

    private static String line(RawValue value, ValueType<?> type) {
        return value.key() + " = " + type.shown(value.text()) + " (" + value.origin() + ")";
    }

    /** A sink's own settings show as their names suggest: {@code ***} for a password, secret, token or credential. */
    private static String sinkLine(RawValue value) {
        String key = value.key();
        if (sinkFamilyType(key) == SinkKeys.SETTING.type()) {
            String setting = SinkKeys.SETTING.parts(SinkKeys.SETTING.variableOf(key).orElseThrow()).get(1);
            return key + " = " + SinkOptions.shown(setting, value.text()) + " (" + value.origin() + ")";
        }
        return line(value, sinkFamilyType(key));
    }

    private static ValueType<?> sinkFamilyType(String key) {
        for (KeyFamily family : SinkKeys.families()) {
            if (family.variableOf(key).isPresent()) {
                return family.type();
            }
        }
        return SinkKeys.HEADER.type();
    }
}

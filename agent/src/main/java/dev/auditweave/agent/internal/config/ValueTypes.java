package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.internal.context.Cidr;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value types of the key table, one factory each; the parsers live by kind in {@link NumberTypes},
 * {@link ChoiceTypes}, {@link TextTypes}, {@link ListTypes} and {@link UrlTypes}.
 */
final class ValueTypes {

    /** Sink names as written in {@code auditweave.sinks}: letters, digits and {@code -}, starting with a letter. */
    static final Pattern SINK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    private ValueTypes() {
    }

    static ValueType<Boolean> bool() {
        return new ChoiceTypes.Bool();
    }

    static ValueType<Integer> wholeNumber(int min, int max) {
        return new NumberTypes.WholeNumber(min, max);
    }

    static ValueType<Long> byteCount(long min, long max) {
        return new NumberTypes.ByteCount(min, max);
    }

    static ValueType<Duration> millis(long min, long max) {
        return new NumberTypes.Millis(min, max);
    }

    /**
     * A comma-separated list drawn from {@code names}, or {@code alone} by itself, which parses to the empty list.
     */
    static ValueType<List<String>> nameList(List<String> names, String alone) {
        return new ListTypes.NameList(List.copyOf(names), alone);
    }

    /** An absolute http or https URL; empty means none. */
    static ValueType<Optional<URI>> httpUrl() {
        return new UrlTypes.HttpUrl();
    }

    /**
     * The {@code url} of a named sink: an absolute URL of any scheme (an http sink needs http or https, a jdbc sink
     * {@code jdbc:}; each is checked for its type), without spaces or control characters; empty means none.
     */
    static ValueType<Optional<String>> sinkUrl() {
        return new UrlTypes.SinkUrl();
    }

    /** Free text; empty means none. */
    static ValueType<Optional<String>> optionalText(String expected) {
        return new TextTypes.OptionalText(expected);
    }

    /** A header value: never shown, and without line breaks so that it cannot smuggle in another header. */
    static ValueType<String> secretHeaderValue() {
        return new TextTypes.SecretHeaderValue();
    }

    // ---- Several destinations (issue #4) ----

    /** A comma-separated list of sink names, lower-cased, without duplicates; empty means none. */
    static ValueType<List<String>> sinkNames() {
        return new ListTypes.SinkNames();
    }

    /** One of {@code names}, lower-cased. */
    static ValueType<String> oneOf(List<String> names) {
        return new ChoiceTypes.OneOf(List.copyOf(names));
    }

    /** The type of a named sink: a built-in one or a provider's, lower-cased; which exist is checked at start-up. */
    static ValueType<String> sinkType(List<String> builtIn) {
        return new ChoiceTypes.SinkType(List.copyOf(builtIn));
    }

    /** A setting of a sink's own type: any text, empty included; its provider reads and checks it. */
    static ValueType<String> sinkSetting() {
        return new TextTypes.SinkSetting();
    }

    /** A comma-separated list of event type patterns where {@code *} stands for any text. */
    static ValueType<List<String>> typePatterns() {
        return new ListTypes.TypePatterns();
    }

    /** Non-empty free text. */
    static ValueType<String> text(String expected) {
        return new TextTypes.Text(expected);
    }

    // ---- Declared emit sites and switching sites off (issue #15) ----

    /** One method, as {@link MethodRef#parse} reads it. */
    static ValueType<MethodRef> methodRef() {
        return new TextTypes.OneMethod();
    }

    /** A comma-separated list of methods; empty means none. */
    static ValueType<List<MethodRef>> methodRefs() {
        return new ListTypes.MethodList();
    }

    /** As {@link #typePatterns()}, and empty means none. */
    static ValueType<List<String>> optionalTypePatterns() {
        return new ListTypes.OptionalTypePatterns();
    }

    /** Any text, empty included. */
    static ValueType<String> anyText(String expected) {
        return new TextTypes.AnyText(expected);
    }

    // ---- Context that travels with the event (issue #13) ----

    /** A comma-separated list of IP addresses and CIDR blocks; empty means none. */
    static ValueType<List<Cidr>> cidrList() {
        return new ListTypes.CidrList();
    }

    /** For families, whose values are text: see {@link Checked}. */
    static <T> Checked<T> checked(ValueType<T> typed) {
        return new Checked<>(typed);
    }
}

package dev.auditweave.agent.internal.expr;

import static dev.auditweave.agent.internal.expr.Compile.compile;
import static dev.auditweave.agent.internal.expr.Compile.eval;
import static dev.auditweave.agent.internal.expr.Compile.fails;
import static dev.auditweave.agent.internal.expr.Compile.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyPathTest {

    public record Address(String city, String zip) {
    }

    public record User(String id, String email, Address address) {
    }

    public static class Account {
        private final User owner;
        private final boolean active;
        private final Boolean verified;

        public Account(User owner, boolean active, Boolean verified) {
            this.owner = owner;
            this.active = active;
            this.verified = verified;
        }

        public User getOwner() {
            return owner;
        }

        public boolean isActive() {
            return active;
        }

        public Boolean isVerified() {
            return verified;
        }

        public long getBalance() {
            return 1200L;
        }
    }

    public static class Plain {
        public String name() {
            return "plain";
        }
    }

    public static class WithField {
        public static String ignored = "static";
        public String note = "field-note";
        public int count = 3;
    }

    public static class Precedence {
        public String c = "field";

        public String getA() {
            return "getter";
        }

        public String a() {
            return "plain";
        }

        public boolean isB() {
            return true;
        }

        public String b() {
            return "plain";
        }

        public String c() {
            return "method";
        }
    }

    /** Package-private: its accessor is public, but the class is not. */
    record Hidden(String secret) {
    }

    static class HiddenBean {
        public String getValue() {
            return "bean";
        }
    }

    public interface Named {
        String getName();
    }

    static class HiddenNamed implements Named {
        @Override
        public String getName() {
            return "named";
        }
    }

    public record Envelope<T>(T payload) {
    }

    public static class UsersById extends HashMap<String, User> {
    }

    public static class Holder<T> {
        private final T value;

        public Holder(T value) {
            this.value = value;
        }

        public T getValue() {
            return value;
        }
    }

    public static class UserHolder extends Holder<User> {
        public UserHolder(User user) {
            super(user);
        }
    }

    public record StripeEvent(String id, String type, long created, Data data) {
    }

    public record Data(Map<String, Object> object) {
    }

    public static class Bomb {
        public String getValue() {
            throw new IllegalStateException("boom");
        }

        public String getChecked() throws IOException {
            throw new IOException("io");
        }
    }

    public record WithClass(Class<?> type, String name) {
    }

    interface Api {
        void user(User user);

        void account(Account account);

        void plain(Plain plain);

        void holder(WithField holder);

        void precedence(Precedence p);

        void hidden(Hidden hidden);

        void hiddenBean(HiddenBean bean);

        void hiddenNamed(HiddenNamed named);

        void envelope(Envelope<User> envelope);

        void wildcardEnvelope(Envelope<?> envelope);

        void users(Map<String, User> users);

        void nested(Map<String, Map<String, User>> byTeam);

        void usersById(UsersById users);

        void userHolder(UserHolder holder);

        void stripe(StripeEvent event);

        void payload(Object payload);

        void bomb(Bomb bomb);

        void typed(WithClass typed);

        void text(String text);

        void number(int number);
    }

    private static final User ADA = new User("u1", "ada@example.com", new Address("London", "N1"));

    @Test
    void readsRecordComponentsNested() {
        assertThat(eval("user.email", scope(Api.class, "user"), null, ADA)).isEqualTo("ada@example.com");
        assertThat(eval("user.address.city", scope(Api.class, "user"), null, ADA)).isEqualTo("London");
    }

    @Test
    void readsGettersAndBooleanIsAccessors() {
        Scope scope = scope(Api.class, "account");
        Account account = new Account(ADA, true, Boolean.TRUE);
        assertThat(eval("account.owner.id", scope, null, account)).isEqualTo("u1");
        assertThat(eval("account.active", scope, null, account)).isEqualTo(true);
        assertThat(eval("account.verified", scope, null, account)).isEqualTo(true);
        assertThat(eval("account.verified", scope, null, new Account(ADA, false, null))).isNull();
        assertThat(eval("account.balance", scope, null, account)).isEqualTo(1200L);
    }

    @Test
    void readsPlainAccessorMethodsAndPublicFields() {
        assertThat(eval("plain.name", scope(Api.class, "plain"), null, new Plain())).isEqualTo("plain");
        assertThat(eval("holder.note", scope(Api.class, "holder"), null, new WithField())).isEqualTo("field-note");
        assertThat(eval("holder.count", scope(Api.class, "holder"), null, new WithField())).isEqualTo(3);
    }

    @Test
    void staticFieldsAreNotProperties() {
        fails("holder.ignored", scope(Api.class, "holder"), 7,
                "no property 'ignored' on " + WithField.class.getName() + " (it has: count, note)");
    }

    @Test
    void resolvesInTheDocumentedOrder() {
        Scope scope = scope(Api.class, "precedence");
        assertThat(eval("p.a", scope, null, new Precedence())).isEqualTo("getter");
        assertThat(eval("p.b", scope, null, new Precedence())).isEqualTo(true);
        assertThat(eval("p.c", scope, null, new Precedence())).isEqualTo("method");
    }

    @Test
    void readsAccessorsOfNonPublicClasses() {
        assertThat(eval("hidden.secret", scope(Api.class, "hidden"), null, new Hidden("s3cret"))).isEqualTo("s3cret");
        assertThat(eval("bean.value", scope(Api.class, "hiddenBean"), null, new HiddenBean())).isEqualTo("bean");
        assertThat(eval("named.name", scope(Api.class, "hiddenNamed"), null, new HiddenNamed())).isEqualTo("named");
    }

    @Test
    void readsPropertiesOfJdkTypes() {
        Scope scope = scope(Api.class, "text");
        assertThat(eval("text.length", scope, null, "hello")).isEqualTo(5);
        assertThat(eval("text.length * 2", scope, null, "hello")).isEqualTo(10L);
        assertThat(eval("text.empty", scope, null, "")).isEqualTo(true);
    }

    @Test
    void aPathThroughNullYieldsNull() {
        Scope scope = scope(Api.class, "user");
        assertThat(eval("user.address.city", scope, null, new User("u2", null, null))).isNull();
        assertThat(eval("user.address.city", scope, null, (Object) null)).isNull();
        assertThat(eval("users.nobody.email", scope(Api.class, "users"), null, Map.of())).isNull();
    }

    @Test
    void readsMapKeysWithTheValueTypeCheckedStatically() {
        Scope scope = scope(Api.class, "users");
        assertThat(eval("users.ada.email", scope, null, Map.of("ada", ADA))).isEqualTo("ada@example.com");
        fails("users.ada.emial", scope, 10, "no property 'emial' on " + User.class.getName()
                + " (it has: id, email, address); did you mean 'email'?");
    }

    @Test
    void readsNestedMaps() {
        Scope scope = scope(Api.class, "nested");
        Map<String, Map<String, User>> byTeam = Map.of("red", Map.of("ada", ADA));
        assertThat(eval("byTeam.red.ada.address.zip", scope, null, byTeam)).isEqualTo("N1");
        fails("byTeam.red.ada.zip", scope, 15, "no property 'zip' on " + User.class.getName()
                + " (it has: id, email, address)");
    }

    @Test
    void findsTheMapValueTypeThroughASubclass() {
        UsersById users = new UsersById();
        users.put("ada", ADA);
        Scope scope = scope(Api.class, "usersById");
        assertThat(eval("users.ada.id", scope, null, users)).isEqualTo("u1");
        fails("users.ada.ident", scope, 10, "no property 'ident' on " + User.class.getName()
                + " (it has: id, email, address)");
    }

    @Test
    void resolvesTypeVariablesOfTheDeclaredType() {
        Scope scope = scope(Api.class, "envelope");
        assertThat(eval("envelope.payload.email", scope, null, new Envelope<>(ADA))).isEqualTo("ada@example.com");
        fails("envelope.payload.mail", scope, 17, "no property 'mail' on " + User.class.getName()
                + " (it has: id, email, address); did you mean 'email'?");
    }

    @Test
    void resolvesTypeVariablesBoundByASubclass() {
        Scope scope = scope(Api.class, "userHolder");
        assertThat(eval("holder.value.email", scope, null, new UserHolder(ADA))).isEqualTo("ada@example.com");
        fails("holder.value.mail", scope, 13, "no property 'mail' on " + User.class.getName()
                + " (it has: id, email, address); did you mean 'email'?");
    }

    @Test
    void anUnknownTypeArgumentIsDynamic() {
        CompiledExpression payload = compile("envelope.payload.city", scope(Api.class, "wildcardEnvelope"));
        assertThat(payload.evaluate(new Object[] {new Envelope<>(new Address("Paris", "75"))}, null, 0))
                .isEqualTo("Paris");
    }

    @Test
    void readsAStripeStylePayloadThroughMapsDynamically() {
        Scope scope = scope(Api.class, "stripe");
        Map<String, Object> object = Map.of("customer", "cus_1", "plan", Map.of("id", "pro"));
        StripeEvent event = new StripeEvent("evt_1", "customer.subscription.created", 1_700_000_000L, new Data(object));
        assertThat(eval("event.data.object.customer", scope, null, event)).isEqualTo("cus_1");
        assertThat(eval("event.data.object.plan.id", scope, null, event)).isEqualTo("pro");
        assertThat(eval("event.data.object.missing.id", scope, null, event)).isNull();
    }

    @Test
    void aMissingPropertyOnADeclaredTypeListsTheAvailableOnesAndSuggests() {
        Scope scope = scope(Api.class, "stripe");
        fails("event.tpye", scope, 6, "no property 'tpye' on " + StripeEvent.class.getName()
                + " (it has: id, type, created, data); did you mean 'type'?");
        fails("event.customer", scope, 6, "no property 'customer' on " + StripeEvent.class.getName()
                + " (it has: id, type, created, data)");
        fails("account.owner.adress", scope(Api.class, "account"), 14, "no property 'adress' on "
                + User.class.getName() + " (it has: id, email, address); did you mean 'address'?");
        fails("account.activ", scope(Api.class, "account"), 8, "no property 'activ' on "
                + Account.class.getName() + " (it has: active, balance, owner, verified); did you mean 'active'?");
    }

    @Test
    void aPrimitiveHasNoProperties() {
        fails("number.value", scope(Api.class, "number"), 7, "no property 'value' on int (it has no properties)");
    }

    @Test
    void classReferencesAreNotProperties() {
        fails("typed.type", scope(Api.class, "typed"), 6,
                "no property 'type' on " + WithClass.class.getName() + " (it has: name)");
        Compile.failsWith("text.class", scope(Api.class, "text"))
                .hasMessageStartingWith("no property 'class' on java.lang.String");
        assertThatThrownBy(() -> eval("payload.class", scope(Api.class, "payload"), null, "x"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageStartingWith("no property 'class' on java.lang.String");
    }

    @Test
    void dynamicPropertiesAreResolvedOnTheRuntimeClass() {
        CompiledExpression email = compile("payload.email", scope(Api.class, "payload"));
        assertThat(email.evaluate(new Object[] {ADA}, null, 0)).isEqualTo("ada@example.com");
        assertThat(email.evaluate(new Object[] {Map.of("email", "map@example.com")}, null, 0))
                .isEqualTo("map@example.com");
        assertThat(email.evaluate(new Object[] {new User("u3", "again@example.com", null)}, null, 0))
                .isEqualTo("again@example.com");
        assertThat(email.evaluate(new Object[] {null}, null, 0)).isNull();
    }

    @Test
    void dynamicPathsContinueDynamically() {
        CompiledExpression city = compile("payload.owner.address.city", scope(Api.class, "payload"));
        assertThat(city.evaluate(new Object[] {new Account(ADA, true, true)}, null, 0)).isEqualTo("London");
        assertThat(city.evaluate(new Object[] {Map.of("owner", ADA)}, null, 0)).isEqualTo("London");
    }

    @Test
    void dynamicPropertiesOfNonPublicClassesAreReadThroughTheirPublicInterface() {
        CompiledExpression size = compile("payload.size", scope(Api.class, "payload"));
        assertThat(size.evaluate(new Object[] {List.of(1, 2, 3)}, null, 0)).isEqualTo(3);
        assertThat(size.evaluate(new Object[] {Collections.unmodifiableList(new ArrayList<>(List.of(1, 2)))}, null, 0))
                .isEqualTo(2);
        assertThat(compile("payload.secret", scope(Api.class, "payload"))
                .evaluate(new Object[] {new Hidden("s")}, null, 0)).isEqualTo("s");
    }

    @Test
    void aMissingDynamicPropertyFailsAtRunTimeNamingPropertyAndClass() {
        CompiledExpression email = compile("payload.email", scope(Api.class, "payload"));
        assertThatThrownBy(() -> email.evaluate(new Object[] {new Address("Rome", "00100")}, null, 0))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("no property 'email' on " + Address.class.getName() + " (it has: city, zip)");
        assertThatThrownBy(() -> email.evaluate(new Object[] {"text"}, null, 0))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageStartingWith("no property 'email' on java.lang.String (it has: ");
        // The failure is cached per class, not a poisoned expression: other classes still work.
        assertThat(email.evaluate(new Object[] {ADA}, null, 0)).isEqualTo("ada@example.com");
    }

    @Test
    void whatAGetterThrowsIsPassedOn() {
        Scope scope = scope(Api.class, "bomb");
        assertThatThrownBy(() -> eval("bomb.value", scope, null, new Bomb()))
                .isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThatThrownBy(() -> eval("bomb.checked", scope, null, new Bomb()))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("reading property 'checked'")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void propertyOfTheNullLiteralIsACompileError() {
        fails("null.x", scope(Api.class, "text"), 5, "no property 'x' on null");
    }
}

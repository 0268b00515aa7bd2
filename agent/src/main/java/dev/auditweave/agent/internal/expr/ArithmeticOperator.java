package dev.auditweave.agent.internal.expr;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code + - * / %} on numbers, after promotion (see {@link Numbers}). Long arithmetic fails on overflow rather
 * than wrapping: a wrapped timestamp would be a silently wrong event.
 */
enum ArithmeticOperator {

    PLUS {
        @Override
        long apply(long a, long b) {
            return Math.addExact(a, b);
        }

        @Override
        double apply(double a, double b) {
            return a + b;
        }

        @Override
        BigDecimal apply(BigDecimal a, BigDecimal b) {
            return a.add(b);
        }
    },
    MINUS {
        @Override
        long apply(long a, long b) {
            return Math.subtractExact(a, b);
        }

        @Override
        double apply(double a, double b) {
            return a - b;
        }

        @Override
        BigDecimal apply(BigDecimal a, BigDecimal b) {
            return a.subtract(b);
        }
    },
    TIMES {
        @Override
        long apply(long a, long b) {
            return Math.multiplyExact(a, b);
        }

        @Override
        double apply(double a, double b) {
            return a * b;
        }

        @Override
        BigDecimal apply(BigDecimal a, BigDecimal b) {
            return a.multiply(b);
        }
    },
    DIVIDE {
        @Override
        long apply(long a, long b) {
            return a / b;
        }

        @Override
        double apply(double a, double b) {
            return a / b;
        }

        @Override
        BigDecimal apply(BigDecimal a, BigDecimal b) {
            // An exact quotient may not exist (1/3); 34 digits are more than any event field needs.
            return a.divide(b, MathContext.DECIMAL128);
        }
    },
    REMAINDER {
        @Override
        long apply(long a, long b) {
            return a % b;
        }

        @Override
        double apply(double a, double b) {
            return a % b;
        }

        @Override
        BigDecimal apply(BigDecimal a, BigDecimal b) {
            return a.remainder(b);
        }
    };

    abstract long apply(long a, long b);

    abstract double apply(double a, double b);

    abstract BigDecimal apply(BigDecimal a, BigDecimal b);

    Number apply(Number a, Number b) {
        if (Numbers.isBig(a) || Numbers.isBig(b)) {
            return apply(Numbers.big(a), Numbers.big(b));
        }
        if (Numbers.isFloating(a) || Numbers.isFloating(b)) {
            return apply(a.doubleValue(), b.doubleValue());
        }
        return apply(a.longValue(), b.longValue());
    }
}

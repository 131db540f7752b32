package org.l2o4j.plot.charts;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as tick labels and captions print them: three significant digits, plain decimals where they are short. */
final class Ticks {

    private Ticks() {
    }

    /** "0.001", "250", "-1.5", "1E-8", "3.2E+7". */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-4 && magnitude < 1e6) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).toPlainString() + "E" + exponent;
    }
}

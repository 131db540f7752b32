package org.l2o4j.problems.limalik;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.l2o4j.core.problem.Problem;
import org.l2o4j.core.problem.ProblemFamily;
import org.l2o4j.core.testkit.ProblemContract;

class TwoLayerNetContractTest extends ProblemContract {

    /**
     * Finite differences step by h ≤ 1e-5(1 + |x_j|); that moves a pre-activation by well under 1e-3 for these data,
     * so points at least 1e-2 from every ReLU kink see one smooth piece in every difference.
     */
    private static final double KINK_MARGIN = 1e-2;

    @Override
    protected ProblemFamily family() {
        return new TwoLayerNetFamily(TwoLayerNetConfig.DEFAULTS);
    }

    /** The default points, each moved off the kinks (a measure-zero set where the Hessian does not exist). */
    @Override
    protected List<double[]> checkPoints(Problem p, RandomGenerator rng) {
        TwoLayerNetReference reference = new TwoLayerNetReference(p.export());
        List<double[]> points = new ArrayList<>();
        for (double[] x : super.checkPoints(p, rng)) {
            double[] y = x.clone();
            while (reference.kinkMargin(y) < KINK_MARGIN) {
                for (int j = 0; j < y.length; j++) {
                    y[j] = x[j] + 0.05 * rng.nextGaussian();
                }
            }
            points.add(y);
        }
        return points;
    }
}

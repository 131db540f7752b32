package org.l2o4j.policysearch.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.l2o4j.policy.GaussianMlpPolicy;
import org.l2o4j.policy.MlpArchitecture;

/** PPO against a known optimum, and its determinism. */
class PpoTest {

    private static final Ppo.Settings SETTINGS = new Ppo.Settings(64, 4, 64, 0.2, 0.95, 0.01, 0.01, 16);

    private static Ppo ppo(long seed) {
        GaussianMlpPolicy linear = GaussianMlpPolicy.initialize(MlpArchitecture.linear(1, 1), seed);
        linear.setLogStd(new double[] {Math.log(0.5)});
        return new Ppo(new LinearSystem(0.9, 0.5, 5), SETTINGS, seed, linear);
    }

    /**
     * On s' = 0.9 s + 0.5 u with cost s'², the optimal linear gain is −a/b = −1.8. A linear Gaussian policy (σ₀ = 0.5)
     * trained by PPO for 50 iterations of 64 episodes (T = 5) reaches it within 0.1 for each of 3 seeds, from 0, with
     * a mean return above −0.01 (a policy that does nothing loses about 2 per episode). Measured: −1.763, −1.748,
     * −1.751; with a constant Adam step the gain then keeps jittering by about ±0.1 around −1.8.
     */
    @Test
    void learnsTheOptimalGainOfALinearSystem() {
        for (long seed = 1; seed <= 3; seed++) {
            Ppo p = ppo(seed);
            Ppo.Stats last = null;
            for (int it = 0; it < 50; it++) {
                last = p.iterate(it);
            }
            double gain = p.policy().parameters()[0];
            assertEquals(-1.8, gain, 0.1, "seed " + seed + ": gain " + gain);
            assertTrue(last.meanReturn() > -0.01, "seed " + seed + ": mean return " + last.meanReturn());
        }
    }

    @Test
    void sameSeedSameStateAndRestoreContinuesExactly() {
        Ppo a = ppo(4);
        Ppo b = ppo(4);
        for (int it = 0; it < 5; it++) {
            a.iterate(it);
            b.iterate(it);
        }
        Ppo c = ppo(4);
        c.restore(b.state());
        a.iterate(5);
        c.iterate(5);
        assertArrayEquals(a.state().policy(), c.state().policy(), 0.0);
        assertArrayEquals(a.state().value(), c.state().value(), 0.0);
        assertArrayEquals(a.state().logStd(), c.state().logStd(), 0.0);
    }
}

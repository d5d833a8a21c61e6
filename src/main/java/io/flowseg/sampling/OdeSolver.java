package io.flowseg.sampling;

import java.util.Locale;

/**
 * Explicit Runge-Kutta solvers for dx/dt = u(t, x), each given by its Butcher tableau:
 * stage i is evaluated at x + h * sum_j a[i][j] k_j and time t + c[i] h, and a step ends with
 * x + h * sum_i b[i] k_i. One tableau-driven integrator serves all four.
 */
public enum OdeSolver {
    /** First order, one evaluation per step. */
    EULER(new double[][] {{}}, new double[] {1}, new double[] {0}),
    /** Second order, two evaluations per step; the paper's solver. */
    MIDPOINT(new double[][] {{}, {0.5}}, new double[] {0, 1}, new double[] {0, 0.5}),
    /** Second order (explicit trapezoid), two evaluations per step. */
    HEUN(new double[][] {{}, {1}}, new double[] {0.5, 0.5}, new double[] {0, 1}),
    /** Classic fourth-order Runge-Kutta, four evaluations per step. */
    RK4(new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
            new double[] {1 / 6.0, 1 / 3.0, 1 / 3.0, 1 / 6.0}, new double[] {0, 0.5, 0.5, 1});

    private final double[][] a;
    private final double[] b;
    private final double[] c;

    OdeSolver(double[][] a, double[] b, double[] c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /** Network evaluations per step. */
    public int stages() {
        return b.length;
    }

    double a(int stage, int previous) {
        return a[stage][previous];
    }

    double b(int stage) {
        return b[stage];
    }

    double c(int stage) {
        return c[stage];
    }

    /** The lower-case name used in requests and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a solver name, case-insensitively. */
    public static OdeSolver parse(String name) {
        for (OdeSolver solver : values()) {
            if (solver.id().equalsIgnoreCase(name.trim())) {
                return solver;
            }
        }
        throw new IllegalArgumentException("unknown solver '" + name + "' (known: euler, midpoint, heun, rk4)");
    }
}

package io.flowseg.sampling;

import java.util.Locale;

/**
 * Explicit Runge-Kutta solvers for dx/dt = u(t, x), each given by its Butcher tableau:
 * stage i is evaluated at x + h * sum_j a[i][j] k_j and time t + c[i] h, and a step ends with
 * x + h * sum_i b[i] k_i. One tableau-driven integrator serves all five.
 */
public enum OdeSolver {
    /** First order, one evaluation per step. */
    EULER(new double[][] {{}}, new double[] {1}, new double[] {0}, false),
    /** Second order, two evaluations per step; the paper's solver. */
    MIDPOINT(new double[][] {{}, {0.5}}, new double[] {0, 1}, new double[] {0, 0.5}, false),
    /** Second order (explicit trapezoid), two evaluations per step. */
    HEUN(new double[][] {{}, {1}}, new double[] {0.5, 0.5}, new double[] {0, 1}, false),
    /** Classic fourth-order Runge-Kutta, four evaluations per step. */
    RK4(new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
            new double[] {1 / 6.0, 1 / 3.0, 1 / 3.0, 1 / 6.0}, new double[] {0, 0.5, 0.5, 1}, false),
    /**
     * Euler steps that tell a step-conditioned (shortcut) field the step size h, so it returns the
     * average velocity over the whole step and a few steps land where many small ones would; one
     * evaluation per step. A field that is not step-conditioned ignores h: this is then plain Euler.
     */
    SHORTCUT(new double[][] {{}}, new double[] {1}, new double[] {0}, true);

    private final double[][] a;
    private final double[] b;
    private final double[] c;
    private final boolean tellsStepSize;

    OdeSolver(double[][] a, double[] b, double[] c, boolean tellsStepSize) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.tellsStepSize = tellsStepSize;
    }

    /** Whether the field is asked for its average velocity over the step (step size h), rather than at a point (0). */
    public boolean tellsStepSize() {
        return tellsStepSize;
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
        throw new IllegalArgumentException("unknown solver '" + name + "' (known: euler, midpoint, heun, rk4, shortcut)");
    }
}

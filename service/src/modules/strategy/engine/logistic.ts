// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares). A handful of
// features and at most 20,000 rows: exact and deterministic, with no numeric library to pull into the service.

export interface LogisticFit {
    intercept: number;
    coefficients: number[];
    iterations: number;
    converged: boolean;
}

export function sigmoid(value: number): number {
    if (value >= 0) return 1 / (1 + Math.exp(-value));
    const e = Math.exp(value);
    return e / (1 + e);
}

/** Probability of the positive class for one row. */
export function predictLogistic(fit: Pick<LogisticFit, 'intercept' | 'coefficients'>, row: readonly number[]): number {
    let z = fit.intercept;
    for (let j = 0; j < row.length; j++) z += fit.coefficients[j]! * row[j]!;
    return sigmoid(z);
}

/**
 * Fits `P(y) = σ(b + w·x)` minimising the log loss plus `lambda/2 · |w|²` (the intercept is not penalised, so the
 * base rate is reproduced exactly). The penalty keeps rare segments from getting extreme coefficients.
 */
export function fitLogistic(
    rows: readonly number[][],
    labels: readonly boolean[],
    lambda = 1,
    maxIterations = 50
): LogisticFit {
    if (rows.length === 0 || rows.length !== labels.length)
        throw new Error('fitLogistic needs as many labels as rows, at least one');
    const d = rows[0]!.length + 1;
    const beta = new Array<number>(d).fill(0);
    let converged = false;
    let iterations = 0;
    for (; iterations < maxIterations && !converged; iterations++) {
        const gradient = new Array<number>(d).fill(0);
        const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
        for (let i = 0; i < rows.length; i++) {
            const row = rows[i]!;
            let z = beta[0]!;
            for (let j = 1; j < d; j++) z += beta[j]! * row[j - 1]!;
            const p = sigmoid(z);
            const residual = (labels[i] ? 1 : 0) - p;
            const weight = Math.max(p * (1 - p), 1e-9);
            for (let a = 0; a < d; a++) {
                const xa = a === 0 ? 1 : row[a - 1]!;
                gradient[a]! += residual * xa;
                for (let b = a; b < d; b++) hessian[a]![b]! += weight * xa * (b === 0 ? 1 : row[b - 1]!);
            }
        }
        for (let a = 0; a < d; a++) {
            for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!;
            if (a > 0) {
                gradient[a]! -= lambda * beta[a]!;
                hessian[a]![a]! += lambda;
            }
        }
        const step = solve(hessian, gradient);
        let largest = 0;
        for (let a = 0; a < d; a++) {
            beta[a]! += step[a]!;
            largest = Math.max(largest, Math.abs(step[a]!));
        }
        converged = largest < 1e-8;
    }
    return { intercept: beta[0]!, coefficients: beta.slice(1), iterations, converged };
}

/** Solves `A x = b` for a symmetric positive-definite A (Gaussian elimination with partial pivoting). */
function solve(matrix: number[][], vector: number[]): number[] {
    const n = vector.length;
    const a = matrix.map((row, i) => [...row, vector[i]!]);
    for (let col = 0; col < n; col++) {
        let pivot = col;
        for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
        [a[col], a[pivot]] = [a[pivot]!, a[col]!];
        const diagonal = a[col]![col]!;
        if (Math.abs(diagonal) < 1e-12)
            throw new Error('fitLogistic: singular system (a feature is constant and unpenalised)');
        for (let row = col + 1; row < n; row++) {
            const factor = a[row]![col]! / diagonal;
            for (let k = col; k <= n; k++) a[row]![k]! -= factor * a[col]![k]!;
        }
    }
    const x = new Array<number>(n).fill(0);
    for (let row = n - 1; row >= 0; row--) {
        let sum = a[row]![n]!;
        for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
        x[row] = sum / a[row]![row]!;
    }
    return x;
}

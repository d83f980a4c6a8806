namespace Tandem.Brains.Intent;

/// <summary>
/// A one-layer GRU over a sequence of input vectors with a logistic output on its last state, trained by
/// back-propagation through time with Adam. Written out here because TorchSharp's native library does not load on
/// this platform (it needs a newer libstdc++ than Debian 12 has); the gradients are checked against finite differences
/// in the tests. Gates as in PyTorch: z = σ(Wz·x + Uz·h + bz), r = σ(Wr·x + Ur·h + br),
/// n = tanh(Wn·x + bn + r ⊙ (Un·h + bu)), h' = (1 − z) ⊙ n + z ⊙ h; p = σ(v·h_T + c).
/// </summary>
public sealed class GruClassifier
{
    private readonly int _inputs;
    private readonly int _hidden;

    // Every parameter in one array (so Adam and the gradient check see one vector): Wz, Wr, Wn (H×D), Uz, Ur, Un (H×H), bz, br, bn, bu (H), v (H), c.
    private readonly double[] _p;
    private readonly double[] _m;
    private readonly double[] _s;
    private long _steps;

    public GruClassifier(int inputs, int hidden, int seed)
    {
        _inputs = inputs;
        _hidden = hidden;
        _p = new double[(3 * hidden * inputs) + (3 * hidden * hidden) + (5 * hidden) + 1];
        _m = new double[_p.Length];
        _s = new double[_p.Length];
        var random = new Random(seed);
        var scale = 1 / Math.Sqrt(hidden);
        for (var i = 0; i < _p.Length; i++)
        {
            _p[i] = ((2 * random.NextDouble()) - 1) * scale;
        }
    }

    public int ParameterCount => _p.Length;

    /// <summary>The parameters, as one vector (for the gradient check).</summary>
    public double[] Parameters => _p;

    private const int Wz = 0;

    private int Wr => _hidden * _inputs;

    private int Wn => 2 * _hidden * _inputs;

    private int Uz => 3 * _hidden * _inputs;

    private int Ur => Uz + (_hidden * _hidden);

    private int Un => Ur + (_hidden * _hidden);

    private int Bz => Un + (_hidden * _hidden);

    private int Br => Bz + _hidden;

    private int Bn => Br + _hidden;

    private int Bu => Bn + _hidden;

    private int V => Bu + _hidden;

    private int C => V + _hidden;

    /// <summary>The probability of the positive class after reading <paramref name="sequence"/>.</summary>
    public double Predict(IReadOnlyList<double[]> sequence) => Sigmoid(Logit(Forward(sequence)));

    /// <summary>The loss (weighted cross-entropy) on one sequence and its gradient, added into <paramref name="gradient"/>.</summary>
    public double Gradient(IReadOnlyList<double[]> sequence, bool label, double positiveWeight, double[] gradient)
    {
        var steps = Forward(sequence);
        var p = Sigmoid(Logit(steps));
        var weight = label ? positiveWeight : 1;
        var loss = -weight * (label ? Math.Log(Math.Max(p, 1e-12)) : Math.Log(Math.Max(1 - p, 1e-12)));
        var dLogit = weight * (p - (label ? 1 : 0));
        var last = steps.Count == 0 ? new double[_hidden] : steps[^1].H;
        var dh = new double[_hidden];
        for (var j = 0; j < _hidden; j++)
        {
            gradient[V + j] += dLogit * last[j];
            dh[j] = dLogit * _p[V + j];
        }

        gradient[C] += dLogit;
        for (var t = steps.Count - 1; t >= 0; t--)
        {
            dh = Backward(steps[t], dh, gradient);
        }

        return loss;
    }

    /// <summary>One Adam step with <paramref name="gradient"/> (averaged over the batch by the caller), clipped to norm <paramref name="clip"/>.</summary>
    public void Apply(double[] gradient, double rate, double clip = 5)
    {
        var norm = Math.Sqrt(gradient.Sum(g => g * g));
        var shrink = norm > clip ? clip / norm : 1;
        _steps++;
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        var correct1 = 1 - Math.Pow(beta1, _steps);
        var correct2 = 1 - Math.Pow(beta2, _steps);
        for (var i = 0; i < _p.Length; i++)
        {
            var g = gradient[i] * shrink;
            _m[i] = (beta1 * _m[i]) + ((1 - beta1) * g);
            _s[i] = (beta2 * _s[i]) + ((1 - beta2) * g * g);
            _p[i] -= rate * (_m[i] / correct1) / (Math.Sqrt(_s[i] / correct2) + epsilon);
        }
    }

    private double Logit(List<Step> steps)
    {
        var logit = _p[C];
        if (steps.Count > 0)
        {
            for (var j = 0; j < _hidden; j++)
            {
                logit += _p[V + j] * steps[^1].H[j];
            }
        }

        return logit;
    }

    private List<Step> Forward(IReadOnlyList<double[]> sequence)
    {
        var steps = new List<Step>(sequence.Count);
        var h = new double[_hidden];
        foreach (var x in sequence)
        {
            var step = new Step(x, h, _hidden);
            for (var j = 0; j < _hidden; j++)
            {
                double z = _p[Bz + j], r = _p[Br + j], n = _p[Bn + j], u = _p[Bu + j];
                for (var k = 0; k < _inputs; k++)
                {
                    z += _p[Wz + (j * _inputs) + k] * x[k];
                    r += _p[Wr + (j * _inputs) + k] * x[k];
                    n += _p[Wn + (j * _inputs) + k] * x[k];
                }

                for (var k = 0; k < _hidden; k++)
                {
                    z += _p[Uz + (j * _hidden) + k] * h[k];
                    r += _p[Ur + (j * _hidden) + k] * h[k];
                    u += _p[Un + (j * _hidden) + k] * h[k];
                }

                step.Z[j] = Sigmoid(z);
                step.R[j] = Sigmoid(r);
                step.U[j] = u;
                step.N[j] = Math.Tanh(n + (step.R[j] * u));
                step.H[j] = ((1 - step.Z[j]) * step.N[j]) + (step.Z[j] * h[j]);
            }

            steps.Add(step);
            h = step.H;
        }

        return steps;
    }

    private double[] Backward(Step s, double[] dh, double[] g)
    {
        var dPrev = new double[_hidden];
        for (var j = 0; j < _hidden; j++)
        {
            var dn = dh[j] * (1 - s.Z[j]);
            var dz = dh[j] * (s.Prev[j] - s.N[j]);
            dPrev[j] += dh[j] * s.Z[j];
            var dPreN = dn * (1 - (s.N[j] * s.N[j]));
            var dr = dPreN * s.U[j];
            var dU = dPreN * s.R[j];
            var dPreZ = dz * s.Z[j] * (1 - s.Z[j]);
            var dPreR = dr * s.R[j] * (1 - s.R[j]);
            g[Bz + j] += dPreZ;
            g[Br + j] += dPreR;
            g[Bn + j] += dPreN;
            g[Bu + j] += dU;
            for (var k = 0; k < _inputs; k++)
            {
                g[Wz + (j * _inputs) + k] += dPreZ * s.X[k];
                g[Wr + (j * _inputs) + k] += dPreR * s.X[k];
                g[Wn + (j * _inputs) + k] += dPreN * s.X[k];
            }

            for (var k = 0; k < _hidden; k++)
            {
                g[Uz + (j * _hidden) + k] += dPreZ * s.Prev[k];
                g[Ur + (j * _hidden) + k] += dPreR * s.Prev[k];
                g[Un + (j * _hidden) + k] += dU * s.Prev[k];
                dPrev[k] += (_p[Uz + (j * _hidden) + k] * dPreZ) + (_p[Ur + (j * _hidden) + k] * dPreR) + (_p[Un + (j * _hidden) + k] * dU);
            }
        }

        return dPrev;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>What one step's forward pass keeps for the backward pass.</summary>
    private sealed class Step(double[] x, double[] prev, int hidden)
    {
        public double[] X { get; } = x;

        public double[] Prev { get; } = prev;

        public double[] Z { get; } = new double[hidden];

        public double[] R { get; } = new double[hidden];

        public double[] U { get; } = new double[hidden];

        public double[] N { get; } = new double[hidden];

        public double[] H { get; } = new double[hidden];
    }
}

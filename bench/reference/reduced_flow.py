"""Independent reference implementation of the reduced six-overlap flow
(THEORY.md sections 2 and 5), written from the equations only.

State (normalised): y = (m1, m2, q11, q22, q12, a) with m_k = M_k/R^2,
q_jk = Q_jk/R^2 and a = a1 - a2 (w1 = sigma(a)).

Gaussian expectations E[f(m + sZ)], Z ~ N(0,1), f in {tanh, sigma, softplus}:
f is split into a closed-form part (step or ramp, whose Gaussian integral is
exact) and a smooth remainder g that decays like exp(-|x|) (or exp(-2|x|))
away from the kink at x = 0.  The remainder is integrated with
scipy.integrate.quad over z in [-40, 40] (further restricted to |x| <= 40,
where |g| < 1e-17), split at the kink z0 = -m/s, at z0 +- {1,3,10}/s and at
z = 0, +-3, +-8.  s = 0 returns f(m) exactly.
"""
import math

import numpy as np
from scipy import integrate, special

SQRT2 = math.sqrt(2.0)
INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
ZMAX = 40.0
XMAX = 40.0
QUAD_KW = dict(epsabs=1e-16, epsrel=1e-13, limit=200)


# ----------------------------------------------------------------- functions
def _sigma(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _softplus(x):
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


# remainders g = f - (closed-form part), each continuous except at x = 0
def _rem_tanh(x):  # tanh(x) - sign(x)
    if x > 0:
        return -2.0 / (1.0 + math.exp(2.0 * x))
    return 2.0 / (1.0 + math.exp(-2.0 * x))


def _rem_sigma(x):  # sigma(x) - H(x)
    if x > 0:
        return -1.0 / (1.0 + math.exp(x))
    return 1.0 / (1.0 + math.exp(-x))


def _rem_softplus(x):  # softplus(x) - relu(x)
    return math.log1p(math.exp(-abs(x)))


_F = {"tanh": math.tanh, "sigma": _sigma, "softplus": _softplus}
_REM = {"tanh": _rem_tanh, "sigma": _rem_sigma, "softplus": _rem_softplus}


def _closed_form(kind, m, s):
    """Exact Gaussian integral of the step / ramp part."""
    u = m / s
    if kind == "tanh":  # E sign(m + sZ)
        return math.erf(u / SQRT2)
    if kind == "sigma":  # E H(m + sZ)
        return float(special.ndtr(u))
    # E relu(m + sZ)
    return m * float(special.ndtr(u)) + s * INV_SQRT_2PI * math.exp(-0.5 * u * u)


def _breakpoints(m, s):
    z0 = -m / s
    lo = max(-ZMAX, z0 - XMAX / s)
    hi = min(ZMAX, z0 + XMAX / s)
    if not lo < hi:
        return None
    pts = {lo, hi}
    for p in (0.0, -3.0, 3.0, -8.0, 8.0):
        pts.add(p)
    for k in (0.0, -1.0, 1.0, -3.0, 3.0, -10.0, 10.0):
        pts.add(z0 + k / s)
    return sorted(p for p in pts if lo <= p <= hi)


def gauss_expect(kind, m, s, return_parts=False):
    """E[f(m + s Z)], Z ~ N(0,1)."""
    s = abs(s)
    if s == 0.0:
        return _F[kind](m)
    cf = _closed_form(kind, m, s)
    pts = _breakpoints(m, s)
    rem = 0.0
    if pts is not None:
        g = _REM[kind]

        def integrand(z):
            return g(m + s * z) * INV_SQRT_2PI * math.exp(-0.5 * z * z)

        for a, b in zip(pts[:-1], pts[1:]):
            if b > a:
                rem += integrate.quad(integrand, a, b, **QUAD_KW)[0]
    if return_parts:
        return cf, rem
    return cf + rem


def gauss_expect_mp(kind, m, s, dps=30):
    """Second method (check only): mpmath tanh-sinh quadrature of the full
    integrand in x, split at the kink and at m, to dps digits."""
    import mpmath as mp

    mp.mp.dps = dps
    m = mp.mpf(m)
    s = abs(mp.mpf(s))
    if s == 0:
        return float({"tanh": mp.tanh, "sigma": lambda x: 1 / (1 + mp.exp(-x)),
                      "softplus": lambda x: mp.log(1 + mp.exp(x))}[kind](m))
    f = {"tanh": mp.tanh,
         "sigma": lambda x: 1 / (1 + mp.exp(-x)),
         "softplus": lambda x: mp.log1p(mp.exp(x)) if x < 0 else x + mp.log1p(mp.exp(-x))}[kind]
    w = lambda x: mp.npdf(x, m, s)
    pts = sorted({-mp.inf, mp.mpf(0), m, mp.inf} | {m + k * s for k in (-8, -3, 3, 8)}
                 | {mp.mpf(k) for k in (-5, -1, 1, 5)})
    return float(mp.quad(lambda x: f(x) * w(x), pts))


# ----------------------------------------------------------------- the flow
def beta_of(anneal, t):
    """THEORY.md section 9: (schedule, beta0, tau) -> beta(t); None is no annealing."""
    if anneal is None or t >= anneal[2]:
        return 1.0
    schedule, b0, tau = anneal
    return b0 + (1.0 - b0) * t / tau if schedule == "linear" else b0 ** (1.0 - t / tau)


class ReducedFlow:
    def __init__(self, R, w_star, trainable, anneal=None):
        self.R = float(R)
        self.R2 = self.R * self.R
        self.w_star = float(w_star)
        self.h = 0.5 * math.log(self.w_star / (1.0 - self.w_star))
        self.trainable = bool(trainable)
        self.anneal = anneal  # (schedule, beta0, tau) or None

    def fixed_a(self):
        return math.log(self.w_star / (1.0 - self.w_star))

    def _unpack(self, y):
        R2 = self.R2
        m1, m2, q11, q22, q12, a = (float(v) for v in y)
        M = (m1 * R2, m2 * R2)
        Q11, Q22, Q12 = q11 * R2, q22 * R2, q12 * R2
        w1 = _sigma(a)
        w2 = _sigma(-a)
        Delta = max(Q11 + Q22 - 2.0 * Q12, 0.0)
        U = (Q11 - Q12, Q12 - Q22)
        c = -0.5 * (Q11 - Q22) + a  # ln(w1/w2) = a
        return M, Q11, Q22, Q12, w1, w2, Delta, U, c

    def L(self, y, beta=1.0):
        """(L1, L2) of THEORY.md section 2, tempered as in section 9 (the d-terms, equal for k = 1, 2, dropped)."""
        M, Q11, Q22, Q12, w1, w2, Delta, U, c = self._unpack(y)
        sD = math.sqrt(Delta)
        mu2_dot = (Q12, Q22)
        out = []
        for k in range(2):
            lq = (mu2_dot[k] - 0.5 * Q22 + math.log(w2)
                  + gauss_expect("softplus", U[k] + c, sD))
            lp = (-M[k] - 0.5 * self.R2 + math.log(1.0 - self.w_star)
                  + gauss_expect("softplus", 2.0 * (M[k] + self.h), 2.0 * self.R))
            out.append(lq - beta * lp - (1.0 - beta) * 0.5 * (Q11, Q22)[k])
        return out

    def kl(self, y):
        w1 = _sigma(float(y[5]))
        L1, L2 = self.L(y)
        return w1 * L1 + (1.0 - w1) * L2

    def rhs(self, t, y):
        M, Q11, Q22, Q12, w1, w2, Delta, U, c = self._unpack(y)
        R2 = self.R2
        beta = beta_of(self.anneal, t)
        own = ((M[0], Q11, Q12), (M[1], Q12, Q22))  # mu_k . (mu*, mu1, mu2)
        sD = math.sqrt(Delta)
        w = (w1, w2)
        vs, v1, v2 = [], [], []  # v_k . mu*, v_k . mu1, v_k . mu2
        for k in range(2):
            T = gauss_expect("tanh", M[k] + self.h, self.R)
            rho = gauss_expect("sigma", U[k] + c, sD)
            rb = 1.0 - rho
            vs.append(w[k] * (beta * T * R2 - rho * M[0] - rb * M[1] + (1.0 - beta) * own[k][0]))
            v1.append(w[k] * (beta * T * M[0] - rho * Q11 - rb * Q12 + (1.0 - beta) * own[k][1]))
            v2.append(w[k] * (beta * T * M[1] - rho * Q12 - rb * Q22 + (1.0 - beta) * own[k][2]))
        dM1, dM2 = vs
        dQ11 = 2.0 * v1[0]
        dQ22 = 2.0 * v2[1]
        dQ12 = v2[0] + v1[1]  # v1.mu2 + v2.mu1
        if self.trainable:
            L1, L2 = self.L(y, beta)
            da = -2.0 * w1 * w2 * (L1 - L2)
        else:
            da = 0.0
        return np.array([dM1 / R2, dM2 / R2, dQ11 / R2, dQ22 / R2, dQ12 / R2, da])

    def solve(self, y0, t_end, rtol=1e-12, atol=1e-14):
        return integrate.solve_ivp(self.rhs, (0.0, float(t_end)), np.asarray(y0, float),
                                   method="DOP853", rtol=rtol, atol=atol,
                                   dense_output=True)

    def state_at(self, y0, times, rtol=1e-12, atol=1e-14):
        """States at the given times, integrating in two pieces split at tau (where beta has a kink)."""
        times = np.asarray(times, float)
        tau = self.anneal[2] if self.anneal is not None else math.inf
        first = self.solve(y0, min(tau, times[-1]), rtol, atol)
        if tau >= times[-1]:
            return first.sol(times).T, first.nfev
        y_tau = first.y[:, -1]
        second = integrate.solve_ivp(self.rhs, (tau, float(times[-1])), y_tau, method="DOP853", rtol=rtol,
                                     atol=atol, dense_output=True)
        ys = np.array([first.sol(t) if t <= tau else second.sol(t) for t in times])
        return ys, first.nfev + second.nfev


def explicit_start(flow, c1, c2, s, r0=None, a0=0.0):
    """Normalised state of an explicit start given cosines (r0 defaults to R)."""
    r0 = flow.R if r0 is None else float(r0)
    G = np.array([[1, c1, c2], [c1, 1, s], [c2, s, 1]], float)
    if np.linalg.eigvalsh(G).min() < -1e-12:
        raise ValueError("cosines not realisable")
    rr = r0 / flow.R
    a = a0 if flow.trainable else flow.fixed_a()
    return np.array([c1 * rr, c2 * rr, rr * rr, rr * rr, s * rr * rr, a])


def classify(flow, y, kl, converged, weight_eps=1e-3, align_cos=0.5, kl_tol=1e-3):
    """THEORY.md section 5."""
    y = np.asarray(y, float)
    if not np.all(np.isfinite(y)) or not math.isfinite(kl):
        return "FAILED"
    m1, m2 = y[0], y[1]
    w1 = _sigma(y[5])
    if min(w1, 1.0 - w1) < weight_eps:
        return "VANISHING_WEIGHT"
    decided = converged or min(abs(m1), abs(m2)) > align_cos
    if m1 * m2 > 0 and decided:
        return "MEAN_ALIGNMENT"
    if m1 * m2 < 0 and decided:
        return "COVERAGE" if kl < kl_tol else "MISWEIGHTED"
    return "UNRESOLVED"


def max_rate(flow, y):
    """max|dy/dt| at beta = 1 (the end of any schedule), as the convergence test reads it."""
    return float(np.max(np.abs(flow.rhs(math.inf, y))))

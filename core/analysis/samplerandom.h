#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace mw {

/// A small, fast, seedable PRNG (xoshiro256** seeded through splitmix64) with our own
/// mappings to ranges. The standard <random> distributions are implementation-defined, so
/// the same seed could give a different sample database with another standard library;
/// everything here is specified bit for bit.
class SampleRandom {
public:
    explicit SampleRandom(uint64_t seed) { reseed(seed); }

    /// splitmix64: a good 64-bit mixer, also used to derive independent per-item streams.
    static uint64_t mix(uint64_t x)
    {
        x += 0x9E3779B97F4A7C15ull;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
        return x ^ (x >> 31);
    }

    /// A stream for item `index` of a generator seeded with `seed` (order-independent).
    static SampleRandom forItem(uint64_t seed, uint64_t stream, uint64_t index)
    {
        return SampleRandom(mix(mix(seed ^ mix(stream)) + index));
    }

    void reseed(uint64_t seed)
    {
        uint64_t x = seed;
        for (uint64_t &s : m_s) {
            x += 0x9E3779B97F4A7C15ull;
            uint64_t z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            s = z ^ (z >> 31);
        }
    }

    uint64_t next()
    {
        const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// Uniform integer in [0, n) for n < 2^53 (53-bit scaling; the bias is negligible here).
    uint64_t below(uint64_t n)
    {
        if (n == 0)
            return 0;
        const auto i = static_cast<uint64_t>(uniform() * static_cast<double>(n));
        return i < n ? i : n - 1;
    }

    /// Uniform integer in [lo, hi].
    int64_t range(int64_t lo, int64_t hi)
    {
        return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
    }

    bool chance(double p) { return uniform() < p; }

    /// Exponentially distributed with the given mean.
    double exponential(double mean) { return -std::log(1.0 - uniform()) * mean; }

    /// Poisson-distributed count (Knuth's method; fine for the small means used here).
    int poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 30) // normal approximation for large means, rounded
            return static_cast<int>(
                std::max(0.0, std::floor(mean + std::sqrt(mean) * gaussian() + 0.5)));
        const double limit = std::exp(-mean);
        int k = 0;
        double p = uniform();
        while (p > limit) {
            ++k;
            p *= uniform();
        }
        return k;
    }

    /// Standard normal (Box-Muller, one value per call).
    double gaussian()
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

    /// Index into a table skewed towards its start: popular items first.
    uint64_t skewed(uint64_t n, double power = 2.0)
    {
        const double u = std::pow(uniform(), power);
        const auto i = static_cast<uint64_t>(u * static_cast<double>(n));
        return i < n ? i : n - 1;
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t m_s[4];
};

} // namespace mw

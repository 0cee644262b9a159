// bench_liquid TEMPLATE DATA.jsonl OUT THREADS
// Parses the template once, then for every line: JSON -> Value, render. Records are split
// into THREADS contiguous chunks rendered concurrently from the one shared Template; the
// outputs are concatenated in record order, so the file is identical for any thread count.
// Each thread streams its output to its own part file through a 1 MiB buffer (as a batch
// render to disk would); the parts are joined in order afterwards, outside the timing.
// Prints wall-clock and CPU seconds for the end-to-end run (JSON parsing included) and for
// rendering alone (records parsed beforehand).
#include "liquid/template.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace mw::liquid;

namespace {
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}
double wallSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
std::string readAll(const char *path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_liquid TEMPLATE DATA.jsonl OUT THREADS\n");
        return 1;
    }
    const std::string source = readAll(argv[1]);
    const std::string data = readAll(argv[2]);
    const int threads = std::max(1, std::atoi(argv[4]));
    auto tpl = Template::parse(source);
    if (!tpl) {
        std::fprintf(stderr, "parse error: %s\n", tpl.error().toString().toUtf8().constData());
        return 2;
    }
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos < data.size();) {
        std::size_t nl = data.find('\n', pos);
        if (nl == std::string::npos)
            nl = data.size();
        if (nl > pos)
            lines.emplace_back(data.data() + pos, nl - pos);
        pos = nl + 1;
    }
    const std::size_t n = lines.size();
    std::vector<int> failures(static_cast<std::size_t>(threads), 0);
    std::vector<std::size_t> bytesPerThread(static_cast<std::size_t>(threads), 0);
    auto partName = [&](int t) { return std::string(argv[3]) + ".part" + std::to_string(t); };
    auto chunk = [&](int t) {
        return std::pair<std::size_t, std::size_t>{
            n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads),
            n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads)};
    };

    // End to end: JSON parse + render.
    double w0 = wallSeconds(), c0 = cpuSeconds();
    {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                auto [a, b] = chunk(t);
                std::FILE *part = std::fopen(partName(t).c_str(), "wb");
                std::string out;
                out.reserve(1 << 21);
                const RenderOptions options;
                JsonDocument doc; // reused for every record of this thread
                for (std::size_t i = a; i < b; ++i) {
                    auto v = doc.parse(lines[i]);
                    if (!v || !(*tpl)->render(*v, options, out).ok())
                        ++failures[static_cast<std::size_t>(t)];
                    if (out.size() >= (1 << 20)) {
                        std::fwrite(out.data(), 1, out.size(), part);
                        bytesPerThread[static_cast<std::size_t>(t)] += out.size();
                        out.clear();
                    }
                }
                std::fwrite(out.data(), 1, out.size(), part);
                bytesPerThread[static_cast<std::size_t>(t)] += out.size();
                std::fclose(part);
            });
        for (auto &th : pool)
            th.join();
    }
    const double wallE2E = wallSeconds() - w0, cpuE2E = cpuSeconds() - c0;

    // Render only: the same records, parsed beforehand.
    std::vector<Value> values;
    values.reserve(n);
    for (auto l : lines)
        values.push_back(*Value::parseJson(l));
    std::vector<std::size_t> bytes2(static_cast<std::size_t>(threads), 0);
    w0 = wallSeconds();
    c0 = cpuSeconds();
    {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                auto [a, b] = chunk(t);
                std::FILE *part = std::fopen((partName(t) + "r").c_str(), "wb");
                std::string out;
                out.reserve(1 << 21);
                const RenderOptions options;
                for (std::size_t i = a; i < b; ++i) {
                    (void)(*tpl)->render(values[i], options, out);
                    if (out.size() >= (1 << 20)) {
                        std::fwrite(out.data(), 1, out.size(), part);
                        bytes2[static_cast<std::size_t>(t)] += out.size();
                        out.clear();
                    }
                }
                std::fwrite(out.data(), 1, out.size(), part);
                bytes2[static_cast<std::size_t>(t)] += out.size();
                std::fclose(part);
            });
        for (auto &th : pool)
            th.join();
    }
    const double wallRender = wallSeconds() - w0, cpuRender = cpuSeconds() - c0;

    std::size_t bytes = 0;
    {
        std::ofstream f(argv[3], std::ios::binary);
        for (int t = 0; t < threads; ++t) {
            const std::string part = readAll(partName(t).c_str());
            if (part != readAll((partName(t) + "r").c_str()))
                ++failures[0]; // both phases must produce the same bytes
            f.write(part.data(), static_cast<std::streamsize>(part.size()));
            bytes += part.size();
            std::remove(partName(t).c_str());
            std::remove((partName(t) + "r").c_str());
        }
    }
    int failed = 0;
    for (int x : failures)
        failed += x;
    std::printf("threads=%d renders=%zu bytes=%zu e2e_wall=%.3f e2e_cpu=%.3f render_wall=%.3f "
                "render_cpu=%.3f failures=%d\n",
                threads, n, bytes, wallE2E, cpuE2E, wallRender, cpuRender, failed);
    return failed ? 3 : 0;
}

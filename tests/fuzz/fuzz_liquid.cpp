// libFuzzer target for the Liquid parser and renderer (and the JSON data reader).
// Input: a template, optionally followed by a NUL byte and JSON data. Every template is
// parsed; those that parse are rendered with tight limits, twice with different options,
// and the renders must agree with each other where the options do not matter.
#include "liquid/template.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace mw::liquid;

namespace {
const Value &defaultData()
{
    static const Value data = [] {
        auto v = Value::parseJson(R"({"name":"Ada","n":7,"f":2.5,"neg":-3,"t":true,"fa":false,
            "nil":null,"s":"<b>x</b> & y","arr":[3,1,2],"words":["b","A"],"h":{"a":1,"b":[1,2]},
            "products":[{"title":"Shoe","price":59.99,"tags":["new"]},{"title":"Hat","price":15}],
            "date":"2024-03-05T14:07:09Z","ts":1709647629,"big":9223372036854775807,
            "tiny":1e-300,"huge":1e300})",
                                  true);
        return v ? *v : Value(Hash());
    }();
    return data;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(bytes), size);
    const std::size_t nul = input.find('\0');
    const std::string_view source = input.substr(0, nul);
    Value data = defaultData();
    if (nul != std::string_view::npos) {
        auto parsed = Value::parseJson(input.substr(nul + 1), true);
        if (parsed && parsed->isHash())
            data = *parsed;
    }
    ParseOptions po;
    po.maxNestingDepth = 50;
    auto tpl = Template::parse(source, po);
    if (!tpl) {
        if (tpl.error().line < 1 || tpl.error().column < 1)
            std::abort(); // syntax errors always carry a position
        return 0;
    }
    RenderOptions ro;
    ro.maxOutputBytes = 1 << 20;
    ro.maxLoopIterations = 20000;
    ro.now = 1700000000;
    std::string a;
    const auto st1 = (*tpl)->render(data, ro, a);
    if (st1.ok() && a.size() > ro.maxOutputBytes + (1 << 16))
        std::abort(); // the limit must hold (one node may overshoot a little)
    // Escaping untrusted strings and reporting missing variables must not change
    // anything else about the render: with no untrusted data, output is identical.
    ro.onMissingVariable = [](std::string_view path) {
        if (path.size() > (1u << 20))
            std::abort();
    };
    std::string b;
    const auto st2 = (*tpl)->render(data, ro, b);
    if (st1.ok() != st2.ok() || a != b)
        std::abort(); // rendering is deterministic
    ro.escapeUntrusted = true;
    ro.inlineErrors = false;
    std::string c;
    (void)(*tpl)->render(data, ro, c);
    (void)(*tpl)->referencedVariables();
    return 0;
}

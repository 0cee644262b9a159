#pragma once
// Internal: the date filter's time handling -- Ruby's Time.at / Time.parse (the common
// formats) and Time#strftime.

#include "liquid/value.h"

#include <cstdint>
#include <string>

namespace mw::liquid::detail {

struct RubyTime {
    std::int64_t seconds = 0; // seconds since the epoch
    std::int64_t nanos = 0;
    int offset = 0;      // seconds east of UTC
    bool utcZone = true; // %Z prints "UTC" (otherwise nothing, like a fixed-offset Time)
    bool gmt = false;    // a UTC Time (Time#utc: "Z", "UTC", "-00:00"): %-z is "-0000"
};

/// Liquid::Utils.to_date: "now"/"today", digit strings and integers as Unix time, other
/// strings through Time.parse. False when Ruby would give nil (the filter then returns
/// its input unchanged).
bool toRubyTime(const Value &input, std::int64_t now, int localOffset, RubyTime &out);

/// Time#strftime.
std::string rubyStrftime(const RubyTime &t, std::string_view format);
/// Time#strftime appended to out.
void appendRubyStrftime(std::string &out, const RubyTime &t, std::string_view format);

} // namespace mw::liquid::detail

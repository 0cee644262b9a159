#pragma once
// Internal: Ruby's Time.parse (Date._parse + Time.make_time) for the strings the date
// filter's fast ISO/English parser does not take -- "12:30", "3pm", "Jan", "1/2/2024",
// "05.03.2024", "March 5th, 2024", "20240305T101010", "2024-065", even "12abc" (the 12th
// of this month). Slow (regular expressions), so only the fallback.

#include "liquid/rubytime.h"

#include <cstdint>
#include <string>

namespace mw::liquid::detail {

/// `lowered` is the input already lower-cased (Liquid's to_date does that). False when
/// Ruby raises (no date or time found, a field out of range).
bool rubyLenientTimeParse(const std::string &lowered, std::int64_t now, int localOffset,
                          RubyTime &out);

} // namespace mw::liquid::detail

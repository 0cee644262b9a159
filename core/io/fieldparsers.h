#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mw::fields {

/// Value checks and conversions for imported CSV cells, on UTF-8 bytes (no QString) so the
/// import's hot path stays cheap. Each returns false for a value it does not accept.

/// Strips ASCII spaces and tabs at both ends.
std::string_view trimmed(std::string_view s);

/// ISO 8601 date or date-time: YYYY-MM-DD, or YYYY-MM-DD(T| )HH:MM[:SS[.fff]] with an
/// optional zone (Z, +HH, +HH:MM, +HHMM). No zone means UTC. Out: Unix seconds (UTC).
bool parseIsoDateTime(std::string_view s, int64_t &out);

/// Trims and lower-cases (ASCII) an e-mail address into out and checks its shape:
/// local@domain, a dotted domain of letters/digits/hyphens (or non-ASCII for IDN),
/// at most 254 bytes. Returns an empty string when valid, else the reason.
const char *normalizeEmail(std::string_view s, std::string &out);

/// Two ASCII letters; out gets them upper-cased.
bool parseCountry(std::string_view s, std::string &out);

/// A BCP 47-shaped tag: 2-3 letters, then "-" subtags of 1-8 letters/digits.
bool isLanguageTag(std::string_view s);

/// A finite decimal number ("12", "-3.5", "1e3"; no thousands separators, no currency).
bool parseNumber(std::string_view s, double &out);

/// The largest amount of money (a purchase amount, a price) an import accepts, either sign:
/// beyond it a value is a typo or junk, and summing a few of them (revenue, customer value)
/// would overflow to infinity in the derived metrics.
constexpr double kMaxMoney = 1e12;
/// parseNumber() for money: also within +/- kMaxMoney.
bool parseMoney(std::string_view s, double &out);

/// A JSON number exactly as written (so it can be stored as a JSON number unchanged):
/// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?  -- "007" and "+1" are not numbers,
/// nor anything longer than 15 characters.
bool isJsonNumber(std::string_view s);

/// Appends s as a JSON string literal (quoted and escaped).
void appendJsonString(std::string &out, std::string_view s);

/// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d);

} // namespace mw::fields

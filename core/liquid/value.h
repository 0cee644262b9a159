#pragma once

#include "common/error.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

class QJsonValue;

namespace mw::liquid {

class Value;

class Hash;
using Array = std::vector<Value>;

/// A Liquid value: nil, bool, integer, float, string, array, hash or integer range.
/// Strings, arrays and hashes live in shared immutable storage, so copying a Value is
/// cheap (a reference count) and one catalogue can be shared by many per-subscriber
/// contexts and by several rendering threads at once.
class Value {
public:
    enum class Type : std::uint8_t { Nil, Bool, Int, Float, String, Array, Hash, Range };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_type(Type::Bool) { m_u.b = b; }
    Value(int i) : m_type(Type::Int) { m_u.i = i; }
    Value(long i) : m_type(Type::Int) { m_u.i = i; }
    Value(long long i) : m_type(Type::Int) { m_u.i = static_cast<std::int64_t>(i); }
    Value(double d) : m_type(Type::Float) { m_u.d = d; }
    Value(std::string s);
    Value(std::string_view s) : Value(std::string(s)) {}
    Value(const char *s) : Value(std::string(s)) {}
    Value(Array a);
    Value(Hash h);

    /// A string that came from subscriber data. It behaves exactly like any other
    /// string, except that RenderOptions::escapeUntrusted HTML-escapes it in {{ }}.
    static Value untrusted(std::string s);
    static Value range(std::int64_t first, std::int64_t last);

    /// JSON → Value (objects keep key order; integral numbers become Int when they fit).
    /// With untrustedStrings every string in the tree is marked untrusted.
    static Value fromJson(const QJsonValue &json, bool untrustedStrings = false);
    /// Fast JSON parser over UTF-8 bytes (no Qt round-trip); errors carry line/column.
    static Result<Value> parseJson(std::string_view json, bool untrustedStrings = false);

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isInt() const { return m_type == Type::Int; }
    bool isFloat() const { return m_type == Type::Float; }
    bool isNumber() const { return m_type == Type::Int || m_type == Type::Float; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isHash() const { return m_type == Type::Hash; }
    bool isRange() const { return m_type == Type::Range; }
    /// Only nil and false are falsy in Liquid.
    bool truthy() const { return !(m_type == Type::Nil || (m_type == Type::Bool && !m_u.b)); }
    bool isUntrusted() const { return m_untrusted; }
    /// The same value with the untrusted mark set or cleared (only strings carry it).
    Value withUntrusted(bool untrusted) const
    {
        Value v(*this);
        v.m_untrusted = untrusted && m_type == Type::String;
        return v;
    }

    bool toBool() const { return m_type == Type::Bool && m_u.b; }
    std::int64_t toInt() const { return m_u.i; } // valid for Int
    double toFloat() const { return m_u.d; }     // valid for Float
    std::int64_t rangeFirst() const { return m_u.r.first; }
    std::int64_t rangeLast() const { return m_u.r.last; }
    /// The string's bytes (empty for non-strings).
    const std::string &str() const;
    /// The array's elements (empty for non-arrays).
    const Array &array() const;
    /// The hash's entries (empty for non-hashes).
    const Hash &hash() const;

    /// Appends the value as Liquid prints it in {{ }} (Ruby to_s; arrays concatenated).
    void appendTo(std::string &out) const;
    /// Ruby to_s of the value.
    std::string toString() const;
    /// Ruby inspect (used when printing hashes and nested values).
    void appendInspect(std::string &out) const;

    /// Ruby's == (1 == 1.0, arrays/hashes element-wise, range by bounds).
    friend bool operator==(const Value &a, const Value &b);

private:
    struct Storage;

    Type m_type = Type::Nil;
    bool m_untrusted = false;
    union U {
        bool b;
        std::int64_t i;
        double d;
        struct {
            std::int64_t first, last;
        } r;
    } m_u{};
    std::shared_ptr<const void> m_p; // std::string, Array or Hash
};

/// An insertion-ordered string-keyed map (Ruby hashes keep insertion order, and Liquid
/// iterates and prints them in that order).
class Hash {
public:
    using Entry = std::pair<std::string, Value>;

    Hash() = default;
    /// Sets key to value, replacing an existing entry in place (order kept).
    void set(std::string key, Value value);
    /// The value for key, or nullptr.
    const Value *find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    void reserve(std::size_t n) { m_entries.reserve(n); }
    std::vector<Entry>::const_iterator begin() const { return m_entries.begin(); }
    std::vector<Entry>::const_iterator end() const { return m_entries.end(); }
    const Entry &at(std::size_t i) const { return m_entries[i]; }

private:
    std::vector<Entry> m_entries;
};

/// Appends the Ruby Float#to_s text of d ("2.5", "1.0e+20", "Infinity").
void appendRubyFloat(std::string &out, double d);

} // namespace mw::liquid

#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace mw {

/// An error the user can cause: a code, a message and where it happened.
struct Error {
    enum class Code {
        Usage,         // wrong command-line use (exit 1)
        BadInput,      // unreadable file, invalid CSV/segment/template (exit 2)
        Refused,       // refused by policy, e.g. export of an unapproved campaign (exit 3)
        NotFound,      // unknown campaign, segment, subscriber ...
        NotMailwright, // the file is an SQLite database of another program
        NotDatabase,   // the file is not an SQLite database at all
        TooNew,        // schema newer than this build understands
        Locked,        // another process holds the write lock
        Corrupt,       // SQLite reports corruption
        Io,            // disk full, permission denied, ...
        Cancelled,     // the user cancelled long work
        Internal,
    };

    Code code = Code::Internal;
    QString message;
    int line = 0;   // 1-based, 0 = unknown
    int column = 0; // 1-based, 0 = unknown
    QString path;   // a field or JSON path such as "conditions[2].op", or a file

    Error() = default;
    Error(Code c, QString msg, int l = 0, int col = 0, QString p = {})
        : code(c), message(std::move(msg)), line(l), column(col), path(std::move(p))
    {
    }

    /// "line L, column C: message" / "path: message" / "message".
    QString toString() const;
    /// Process exit code per CONTRACT.md.
    int exitCode() const;
};

/// Either a value or an Error (std::expected is C++23; GCC 12 lacks it).
template <typename T> class Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_v); }
    const T &value() const { return std::get<0>(m_v); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/// Success or an Error.
class Status {
public:
    Status() = default;
    Status(Error e) : m_error(std::move(e)), m_ok(false) {}
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace mw

#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <memory>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace mw {

class Statement;

/// One SQLite connection to a Mailwright database (one per thread; never shared).
///
/// Opening checks, before anything is written, that the file is an SQLite database of
/// Mailwright (or empty), that its schema is not newer than this build, and that no other
/// process holds its write lock; then it enables WAL and foreign keys and runs migrations.
class Database {
public:
    struct OpenOptions {
        bool create = false;      // create the file if it does not exist
        bool readOnly = false;    // open read-only; no migration, no lock probe
        bool migrate = true;      // run pending migrations
        int busyTimeoutMs = 2000; // how long to wait for another writer
    };

    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static Result<Database> open(const QString &path, const OpenOptions &options);
    static Result<Database> open(const QString &path) { return open(path, OpenOptions{}); }

    bool isOpen() const { return m_db != nullptr; }
    const QString &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    /// Runs one or more statements without results.
    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);

    /// Single-value helpers for small look-ups.
    Result<QVariant> scalar(std::string_view sql, const QVariantList &binds = {});

    int64_t lastInsertRowId() const;
    int changes() const;

    /// The error SQLite reported last on this connection, classified.
    Error lastError(const QString &context = {}) const;

    /// meta key/value store (reference time, sample seed, ...).
    Result<QString> meta(const QString &key) const;
    Status setMeta(const QString &key, const QString &value);

    /// The database's reference "now" in Unix seconds (meta "reference_time"), falling
    /// back to the current time when not set.
    int64_t referenceTime() const;

    void close();

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

/// A prepared statement. Columns and parameters are 0-based / 1-based as in SQLite.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3_stmt *stmt, sqlite3 *db) : m_stmt(stmt), m_db(db) {}
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, int64_t v);
    Statement &bind(int index, int v) { return bind(index, static_cast<int64_t>(v)); }
    Statement &bind(int index, double v);
    Statement &bind(int index, std::string_view utf8);
    Statement &bind(int index, const QString &v);
    Statement &bindNull(int index);
    Statement &bind(int index, const QVariant &v);
    void bindAll(const QVariantList &values);
    int parameterCount() const;

    /// Steps once: true if a row is available, false when done; check error() after false.
    bool step();
    /// Steps a statement that returns no rows; fails on error.
    Status run();
    Status reset();
    const Error *error() const { return m_failed ? &m_error : nullptr; }

    int columnCount() const;
    bool isNull(int col) const;
    int64_t int64(int col) const;
    double real(int col) const;
    QString text(int col) const;
    std::string_view textView(int col) const; // valid until the next step/reset
    QVariant value(int col) const;
    QString columnName(int col) const;

    sqlite3_stmt *handle() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
    Error m_error;
    bool m_failed = false;
};

/// RAII transaction: rolls back unless commit() succeeded. Inside a transaction the caller
/// already holds it becomes a savepoint, so a nested failure undoes only its own writes.
class Transaction {
public:
    explicit Transaction(Database &db, bool immediate = true);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &begun() const { return m_begin; }
    Status commit();
    void rollback();

private:
    Database &m_db;
    Status m_begin;
    bool m_active = false;
    bool m_nested = false;
};

/// Classifies an SQLite result code into a user-facing Error.
Error sqliteError(int rc, const QString &message, const QString &context = {});

} // namespace mw

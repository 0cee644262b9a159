#pragma once

#include "common/error.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace mw {

/// One CSV record: its fields (unescaped UTF-8 bytes) and the physical line it starts on.
struct CsvRecord {
    int64_t line = 0;           // 1-based physical line where the record starts
    std::string data;           // the fields' bytes, one after another
    std::vector<uint32_t> ends; // end offset of each field in data
    QString error;              // set when the record is bad (invalid UTF-8, a failed check ...)
    // Values a RowImporter derived from the fields while validating (normalised email ...);
    // kept with the record so validation can run on the reader thread.
    std::array<std::string, 4> derived;
    std::array<int64_t, 6> derivedNumber{};
    // The values an importer will store, as views into data and derived, also prepared on
    // the reader thread so the writing thread does no more than hand them to SQLite.
    std::vector<std::string_view> values;

    int size() const { return static_cast<int>(ends.size()); }
    std::string_view field(int i) const
    {
        const uint32_t begin = i == 0 ? 0 : ends[static_cast<size_t>(i - 1)];
        return std::string_view(data).substr(begin, ends[static_cast<size_t>(i)] - begin);
    }
    /// Field i as text.
    QString text(int i) const
    {
        const std::string_view f = field(i);
        return QString::fromUtf8(f.data(), static_cast<qsizetype>(f.size()));
    }
    void clear()
    {
        data.clear();
        ends.clear();
        error.clear();
    }
};

/// Streaming RFC 4180 reader over a UTF-8 file or an in-memory buffer.
///
/// Accepts quoted fields, doubled quotes, commas and CR/LF inside quotes, a UTF-8 byte-order
/// mark, CRLF, LF or lone-CR line endings and a last line without a line ending. Blank lines
/// are skipped. It works on bytes (no QString per field) so that a million rows parse in a
/// fraction of a second. A record with invalid UTF-8 or text after a closing quote carries
/// an error and reading goes on; an unterminated quote ends the input with an error.
class CsvReader {
public:
    CsvReader() = default;
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    /// Reads from a file.
    Status open(const QString &path);
    /// Reads from memory (tests, previews).
    void setData(std::string data);

    /// The next record, or false at the end of the input (or after a read error: check
    /// readError()).
    bool next(CsvRecord &record);
    /// Reads the first record as a header: column names, trimmed, none empty, none twice
    /// (case-insensitively). record is left holding it (its line is the header's).
    Result<QStringList> readHeader(CsvRecord &record);

    /// Bytes consumed so far and the total size (for progress).
    int64_t bytesRead() const { return m_consumedBefore + static_cast<int64_t>(m_pos); }
    int64_t totalBytes() const { return m_total; }
    const Error *readError() const { return m_failed ? &m_readError : nullptr; }

private:
    bool fill(); // reads more bytes into m_buf; false at end of input

    std::FILE *m_file = nullptr;
    QString m_path;
    std::string m_buf;
    size_t m_pos = 0;
    size_t m_len = 0;
    int64_t m_consumedBefore = 0;
    int64_t m_total = 0;
    int64_t m_line = 1;
    bool m_atStart = true;
    bool m_eof = false;
    bool m_failed = false;
    bool m_prevCr = false; // the last byte consumed was a CR (a following LF belongs to it)
    Error m_readError;
};

/// Quotes one field for CSV output when it needs quoting (comma, quote, CR, LF).
void appendCsvField(std::string &out, std::string_view field);

/// True when bytes are valid UTF-8.
bool isValidUtf8(std::string_view bytes);

} // namespace mw

#include "csvreader.h"

#include <QFile>
#include <QSet>

#include <array>
#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace mw {

namespace {

constexpr size_t kChunk = 1 << 20;
// A record is held in memory whole. Beyond this (checked whenever a chunk is used up) the
// input is not a CSV file a person made: a 100 MB field, a file without line ends,
// /dev/zero. Reading it would take memory without bound, so the input ends with an error.
constexpr size_t kMaxRecordBytes = size_t(64) << 20;

// Bytes that end a run of ordinary field bytes.
constexpr std::array<bool, 256> makeTable(std::initializer_list<unsigned char> specials)
{
    std::array<bool, 256> t{};
    for (unsigned char c : specials)
        t[c] = true;
    return t;
}
constexpr auto kUnquotedStop = makeTable({',', '\r', '\n'});
constexpr auto kQuotedStop = makeTable({'"', '\r', '\n'});

} // namespace

bool isValidUtf8(std::string_view bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const size_t n = bytes.size();
    size_t i = 0;
    while (i < n) {
        // ASCII fast path, eight bytes at a time.
        if (i + 8 <= n) {
            uint64_t w;
            std::memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values beyond U+10FFFF.
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

void appendCsvField(std::string &out, std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

CsvReader::~CsvReader()
{
    if (m_file)
        std::fclose(m_file);
}

Status CsvReader::open(const QString &path)
{
    m_file = std::fopen(QFile::encodeName(path).constData(), "rb");
    if (!m_file)
        // Error::toString() puts the path in front of the message.
        return Error(Error::Code::BadInput, QString::fromLocal8Bit(std::strerror(errno)), 0, 0,
                     path);
    m_path = path;
    struct stat info {};
    if (fstat(fileno(m_file), &info) == 0 && S_ISDIR(info.st_mode)) {
        std::fclose(m_file);
        m_file = nullptr;
        return Error(Error::Code::BadInput, QStringLiteral("is a folder, not a CSV file"), 0, 0,
                     path);
    }
    if (std::fseek(m_file, 0, SEEK_END) == 0) {
        m_total = std::ftell(m_file);
        std::fseek(m_file, 0, SEEK_SET);
    }
    m_buf.resize(kChunk);
    return {};
}

void CsvReader::setData(std::string data)
{
    m_buf = std::move(data);
    m_len = m_buf.size();
    m_total = static_cast<int64_t>(m_len);
    m_eof = true;
    if (m_len >= 3 && m_buf.compare(0, 3, "\xEF\xBB\xBF") == 0)
        m_pos = 3;
    m_atStart = false;
}

bool CsvReader::fill()
{
    if (m_eof || !m_file)
        return false;
    m_consumedBefore += static_cast<int64_t>(m_len);
    m_pos = 0;
    m_len = std::fread(m_buf.data(), 1, m_buf.size(), m_file);
    if (m_len < m_buf.size()) {
        if (std::ferror(m_file)) {
            m_failed = true;
            m_readError = Error(Error::Code::Io,
                                QStringLiteral("cannot read the file: %1")
                                    .arg(QString::fromLocal8Bit(std::strerror(errno))),
                                0, 0, m_path);
        }
        m_eof = true;
    }
    if (m_atStart) {
        m_atStart = false;
        if (m_len >= 3 && std::memcmp(m_buf.data(), "\xEF\xBB\xBF", 3) == 0)
            m_pos = 3;
    }
    return m_pos < m_len;
}

bool CsvReader::next(CsvRecord &rec)
{
    enum class State { FieldStart, Unquoted, Quoted, QuoteSeen };
    for (;;) {
        rec.clear();
        if (m_pos >= m_len && !fill())
            return false;
        // The LF of a CRLF whose CR ended the previous record.
        if (m_prevCr && m_buf[m_pos] == '\n') {
            m_prevCr = false;
            ++m_pos;
            continue;
        }
        rec.line = m_line;
        State st = State::FieldStart;
        int64_t quoteLine = 0;
        bool firstQuoted = false;
        bool ended = false;
        while (!ended) {
            if (m_pos >= m_len &&
                rec.data.size() + rec.ends.size() * sizeof(uint32_t) > kMaxRecordBytes) {
                rec.error = QStringLiteral("a record longer than %1 MiB (is this a CSV file?)")
                                .arg(kMaxRecordBytes >> 20);
                m_failed = true;
                m_readError = Error(Error::Code::BadInput, rec.error, int(rec.line));
                m_eof = true;
                m_len = m_pos = 0;
                std::string().swap(rec.data); // give the memory back
                rec.ends.assign(1, 0);
                return true;
            }
            if (m_pos >= m_len && !fill()) {
                // End of input: the last record has no line ending.
                if (st == State::Quoted) {
                    rec.error = QStringLiteral("unterminated quoted field (the quote opened "
                                               "on line %1)")
                                    .arg(quoteLine);
                    m_eof = true;
                    m_len = m_pos = 0;
                }
                rec.ends.push_back(static_cast<uint32_t>(rec.data.size()));
                ended = true;
                break;
            }
            const char *buf = m_buf.data();
            const char c = buf[m_pos];
            switch (st) {
            case State::FieldStart:
                m_prevCr = false;
                if (c == '"') {
                    st = State::Quoted;
                    quoteLine = m_line;
                    if (rec.ends.empty())
                        firstQuoted = true;
                    ++m_pos;
                    break;
                }
                st = State::Unquoted;
                [[fallthrough]];
            case State::Unquoted: {
                size_t end = m_pos;
                while (end < m_len && !kUnquotedStop[static_cast<unsigned char>(buf[end])])
                    ++end;
                rec.data.append(buf + m_pos, end - m_pos);
                m_pos = end;
                if (end == m_len)
                    break;
                const char d = buf[end];
                ++m_pos;
                rec.ends.push_back(static_cast<uint32_t>(rec.data.size()));
                if (d == ',') {
                    st = State::FieldStart;
                } else {
                    ++m_line;
                    m_prevCr = d == '\r';
                    ended = true;
                }
                break;
            }
            case State::Quoted: {
                size_t end = m_pos;
                while (end < m_len && !kQuotedStop[static_cast<unsigned char>(buf[end])])
                    ++end;
                if (end > m_pos)
                    m_prevCr = false;
                rec.data.append(buf + m_pos, end - m_pos);
                m_pos = end;
                if (end == m_len)
                    break;
                const char d = buf[end];
                ++m_pos;
                if (d == '"') {
                    st = State::QuoteSeen;
                    m_prevCr = false;
                } else {
                    // Physical lines inside a quoted field: CR, LF and CRLF count once.
                    if (d == '\r' || !m_prevCr)
                        ++m_line;
                    m_prevCr = d == '\r';
                    rec.data.push_back(d);
                }
                break;
            }
            case State::QuoteSeen:
                if (c == '"') {
                    rec.data.push_back('"');
                    st = State::Quoted;
                    ++m_pos;
                } else if (c == ',' || c == '\r' || c == '\n') {
                    st = State::Unquoted; // the delimiter is handled there
                } else {
                    if (rec.error.isEmpty())
                        rec.error = QStringLiteral("unexpected character after a closing quote "
                                                   "(a quote inside a quoted field must be "
                                                   "doubled)");
                    st = State::Unquoted;
                }
                break;
            }
        }
        // A blank line is no record.
        if (rec.ends.size() == 1 && rec.data.empty() && !firstQuoted && rec.error.isEmpty())
            continue;
        if (rec.error.isEmpty() && !isValidUtf8(rec.data)) {
            for (int i = 0; i < rec.size(); ++i) {
                if (!isValidUtf8(rec.field(i))) {
                    rec.error = QStringLiteral("invalid UTF-8 in column %1").arg(i + 1);
                    break;
                }
            }
        }
        // A NUL byte is valid UTF-8 but no text: SQLite's text functions stop at it
        // (length('x\0y') is 1) and it would end up in names, attributes and emails.
        if (rec.error.isEmpty() && std::memchr(rec.data.data(), 0, rec.data.size())) {
            for (int i = 0; i < rec.size(); ++i) {
                if (rec.field(i).find('\0') != std::string_view::npos) {
                    rec.error = QStringLiteral("NUL byte in column %1").arg(i + 1);
                    break;
                }
            }
        }
        return true;
    }
}

Result<QStringList> CsvReader::readHeader(CsvRecord &rec)
{
    if (!next(rec)) {
        if (const Error *e = readError())
            return *e;
        return Error(Error::Code::BadInput, QStringLiteral("the file is empty (no header row)"));
    }
    if (!rec.error.isEmpty())
        return Error(Error::Code::BadInput, QStringLiteral("header: ") + rec.error, int(rec.line));
    QStringList header;
    QSet<QString> seen;
    for (int i = 0; i < rec.size(); ++i) {
        const QString name = rec.text(i).trimmed();
        if (name.isEmpty())
            return Error(Error::Code::BadInput,
                         QStringLiteral("header: column %1 has no name").arg(i + 1), int(rec.line));
        if (seen.contains(name.toLower()))
            return Error(Error::Code::BadInput,
                         QStringLiteral("header: column \"%1\" appears twice").arg(name),
                         int(rec.line));
        seen.insert(name.toLower());
        header << name;
    }
    return header;
}

} // namespace mw

#include "rowimporter.h"

#include "io/eventimporter.h"
#include "io/fieldparsers.h"
#include "io/productimporter.h"
#include "io/subscriberimporter.h"

#include <QSet>

namespace mw {

std::unique_ptr<RowImporter> RowImporter::create(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Subscribers:
        return std::make_unique<SubscriberImporter>();
    case ImportKind::Events:
        return std::make_unique<EventImporter>();
    case ImportKind::Products:
        return std::make_unique<ProductImporter>();
    }
    return nullptr;
}

Status RowImporter::resolveColumns(const std::vector<ColumnTarget> &mapping)
{
    const QStringList known = knownFields();
    m_column.assign(static_cast<size_t>(known.size()), -1);
    m_attributes.clear();
    QSet<QString> attributeNames;
    for (size_t c = 0; c < mapping.size(); ++c) {
        const ColumnTarget &t = mapping[c];
        if (t.kind == ColumnTarget::Kind::Field) {
            const qsizetype f = known.indexOf(t.name);
            if (f < 0)
                return Error(
                    Error::Code::BadInput,
                    QStringLiteral("unknown field \"%1\" in the column mapping").arg(t.name));
            if (m_column[static_cast<size_t>(f)] >= 0)
                return Error(Error::Code::BadInput,
                             QStringLiteral("columns %1 and %2 are both mapped to \"%3\"")
                                 .arg(m_column[static_cast<size_t>(f)] + 1)
                                 .arg(c + 1)
                                 .arg(t.name),
                             1);
            m_column[static_cast<size_t>(f)] = static_cast<int>(c);
        } else if (t.kind == ColumnTarget::Kind::Attribute) {
            if (t.name.trimmed().isEmpty())
                return Error(Error::Code::BadInput,
                             QStringLiteral("column %1 has no attribute name").arg(c + 1), 1);
            if (attributeNames.contains(t.name))
                return Error(Error::Code::BadInput,
                             QStringLiteral("attribute \"%1\" comes from two columns").arg(t.name),
                             1);
            attributeNames.insert(t.name);
            std::string key;
            fields::appendJsonString(key, t.name.toStdString());
            m_attributes.emplace_back(static_cast<int>(c), std::move(key));
        }
    }
    return {};
}

void RowImporter::buildAttributes(const CsvRecord &record, std::string &out) const
{
    out.clear();
    for (const auto &[col, key] : m_attributes) {
        const std::string_view v = fields::trimmed(record.field(col));
        if (v.empty())
            continue;
        out.push_back(out.empty() ? '{' : ',');
        out += key;
        out.push_back(':');
        if (fields::isJsonNumber(v))
            out.append(v);
        else
            fields::appendJsonString(out, v);
    }
    if (!out.empty())
        out.push_back('}');
}

QString RowImporter::quoted(std::string_view value)
{
    QString text = QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
    if (text.size() > 80)
        text = text.left(80) + QStringLiteral("...");
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    text.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

RowImporter::Outcome RowImporter::sqlFailure(const Error &e, QString &reason)
{
    if (e.code == Error::Code::BadInput) {
        reason = e.message;
        return Outcome::Bad;
    }
    m_fatal = e;
    return Outcome::Fatal;
}

} // namespace mw

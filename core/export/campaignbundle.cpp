#include "campaignbundle.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace mw {

QByteArray CampaignBundle::toJson(const CampaignRecord &record, const CampaignDocument &resolved)
{
    QJsonObject o{{QStringLiteral("mailwright_bundle"), 1},
                  {QStringLiteral("name"), record.name},
                  {QStringLiteral("version"), record.version},
                  {QStringLiteral("status"), record.status},
                  {QStringLiteral("document"), resolved.toJson()}};
    o.insert(QStringLiteral("approved_version"),
             record.approvedVersion ? QJsonValue(*record.approvedVersion) : QJsonValue());
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<CampaignBundle> CampaignBundle::fromJson(const QByteArray &bytes)
{
    QJsonParseError pe;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error(
            Error::Code::BadInput,
            QStringLiteral("not JSON: %1 at byte %2").arg(pe.errorString()).arg(pe.offset));
    const QJsonObject o = json.object();
    if (!json.isObject() || o.value(QStringLiteral("mailwright_bundle")).toInt() != 1)
        return Error(Error::Code::BadInput,
                     QStringLiteral("not a Mailwright campaign bundle (\"mailwright_bundle\": 1 "
                                    "missing)"),
                     0, 0, QStringLiteral("mailwright_bundle"));
    CampaignBundle b;
    b.name = o.value(QStringLiteral("name")).toString().trimmed();
    if (b.name.isEmpty())
        return Error(Error::Code::BadInput, QStringLiteral("the campaign needs a name"), 0, 0,
                     QStringLiteral("name"));
    if (!o.value(QStringLiteral("document")).isObject())
        return Error(Error::Code::BadInput, QStringLiteral("expected an object"), 0, 0,
                     QStringLiteral("document"));
    auto doc = CampaignDocument::fromJson(o.value(QStringLiteral("document")).toObject());
    if (!doc) {
        Error e = doc.error();
        e.path =
            e.path.isEmpty() ? QStringLiteral("document") : QStringLiteral("document.") + e.path;
        return e;
    }
    b.document = std::move(*doc);
    return b;
}

} // namespace mw

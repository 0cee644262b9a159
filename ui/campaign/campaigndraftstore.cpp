#include "campaigndraftstore.h"

#include "storage/database.h"

#include <QDateTime>
#include <QJsonDocument>

namespace mw::ui {

namespace {

QString toText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<QJsonObject> parse(const QString &text, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument d = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !d.isObject())
        return Error(Error::Code::BadInput,
                     QStringLiteral("%1 is not a JSON object: %2").arg(what, error.errorString()));
    return d.object();
}

int64_t now()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

Result<QList<CampaignSummary>> CampaignDraftStore::list()
{
    auto st = m_db.prepare("SELECT id, name, status, version, updated_at FROM campaigns "
                           "WHERE document IS NOT NULL ORDER BY name");
    if (!st)
        return st.error();
    QList<CampaignSummary> out;
    while (st->step())
        out.append(
            {st->int64(0), st->text(1), st->text(2), static_cast<int>(st->int64(3)), st->int64(4)});
    if (st->error())
        return *st->error();
    return out;
}

Result<QJsonObject> CampaignDraftStore::document(qint64 campaignId)
{
    auto v = m_db.scalar("SELECT document FROM campaigns WHERE id = ?1", {campaignId});
    if (!v)
        return v.error();
    if (v->isNull())
        return Error(Error::Code::NotFound,
                     QStringLiteral("campaign %1 has no document").arg(campaignId));
    return parse(v->toString(), QStringLiteral("campaign %1's document").arg(campaignId));
}

Result<QString> CampaignDraftStore::name(qint64 campaignId)
{
    auto v = m_db.scalar("SELECT name FROM campaigns WHERE id = ?1", {campaignId});
    if (!v)
        return v.error();
    if (v->isNull())
        return Error(Error::Code::NotFound, QStringLiteral("no campaign %1").arg(campaignId));
    return v->toString();
}

Status CampaignDraftStore::saveDocument(qint64 campaignId, const QJsonObject &document)
{
    auto st = m_db.prepare("UPDATE campaigns SET document = ?1, updated_at = ?2 WHERE id = ?3");
    if (!st)
        return st.error();
    st->bind(1, toText(document)).bind(2, now()).bind(3, static_cast<int64_t>(campaignId));
    return st->run();
}

Result<int> CampaignDraftStore::saveVersion(qint64 campaignId, const QJsonObject &document,
                                            const QString &note)
{
    Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    auto next = m_db.scalar(
        "SELECT coalesce(max(version), 0) + 1 FROM campaign_versions WHERE campaign_id = ?1",
        {campaignId});
    if (!next)
        return next.error();
    const int version = next->toInt();
    const QString text = toText(document);
    auto ins = m_db.prepare("INSERT INTO campaign_versions(campaign_id, version, document, "
                            "created_at, author, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!ins)
        return ins.error();
    ins->bind(1, static_cast<int64_t>(campaignId)).bind(2, version).bind(3, text).bind(4, now());
    ins->bind(5, qEnvironmentVariable("USER")).bind(6, note);
    if (Status s = ins->run(); !s)
        return s.error();
    auto up = m_db.prepare(
        "UPDATE campaigns SET document = ?1, version = ?2, updated_at = ?3 WHERE id = ?4");
    if (!up)
        return up.error();
    up->bind(1, text).bind(2, version).bind(3, now()).bind(4, static_cast<int64_t>(campaignId));
    if (Status s = up->run(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return version;
}

Result<QList<CampaignVersion>> CampaignDraftStore::versions(qint64 campaignId)
{
    auto st = m_db.prepare("SELECT version, created_at, coalesce(author, ''), coalesce(note, '') "
                           "FROM campaign_versions WHERE campaign_id = ?1 ORDER BY version DESC");
    if (!st)
        return st.error();
    st->bind(1, static_cast<int64_t>(campaignId));
    QList<CampaignVersion> out;
    while (st->step())
        out.append({static_cast<int>(st->int64(0)), st->int64(1), st->text(2), st->text(3)});
    if (st->error())
        return *st->error();
    return out;
}

Result<QJsonObject> CampaignDraftStore::versionDocument(qint64 campaignId, int version)
{
    auto v = m_db.scalar(
        "SELECT document FROM campaign_versions WHERE campaign_id = ?1 AND version = ?2",
        {campaignId, version});
    if (!v)
        return v.error();
    if (v->isNull())
        return Error(Error::Code::NotFound, QStringLiteral("no version %1").arg(version));
    return parse(v->toString(), QStringLiteral("version %1").arg(version));
}

Result<qint64> CampaignDraftStore::create(const QString &name, const QJsonObject &document)
{
    auto st = m_db.prepare("INSERT INTO campaigns(name, status, document, version, created_at, "
                           "updated_at) VALUES (?1, 'draft', ?2, 0, ?3, ?3)");
    if (!st)
        return st.error();
    st->bind(1, name).bind(2, toText(document)).bind(3, now());
    if (Status s = st->run(); !s)
        return s.error();
    return static_cast<qint64>(m_db.lastInsertRowId());
}

} // namespace mw::ui

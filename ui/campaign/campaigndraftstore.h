#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mw {
class Database;
}

namespace mw::ui {

/// A campaign row as the campaign list shows it.
struct CampaignSummary {
    qint64 id = 0;
    QString name;
    QString status;
    int version = 0;
    qint64 updatedAt = 0;
};

/// A saved version of a campaign document.
struct CampaignVersion {
    int version = 0;
    qint64 createdAt = 0;
    QString author;
    QString note;
};

/// The editor's working copy of a campaign: autosave of the raw JSON (valid or not yet)
/// and versions in campaign_versions. (mw::CampaignStore saves validated documents.)
/// Reads and writes campaign documents and their history (campaigns.document,
/// campaign_versions). Each write is one statement or one transaction.
class CampaignDraftStore {
public:
    explicit CampaignDraftStore(Database &db) : m_db(db) {}

    Result<QList<CampaignSummary>> list();
    Result<QJsonObject> document(qint64 campaignId);
    Result<QString> name(qint64 campaignId);
    /// Autosave: the working document, one row.
    Status saveDocument(qint64 campaignId, const QJsonObject &document);
    /// Freezes the working document as the next version; returns its number.
    Result<int> saveVersion(qint64 campaignId, const QJsonObject &document, const QString &note);
    Result<QList<CampaignVersion>> versions(qint64 campaignId);
    Result<QJsonObject> versionDocument(qint64 campaignId, int version);
    /// A new draft campaign with the given document; returns its id.
    Result<qint64> create(const QString &name, const QJsonObject &document);

private:
    Database &m_db;
};

} // namespace mw::ui

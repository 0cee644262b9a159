#include "experimentstore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>
#include <string>
#include <unordered_map>

namespace mw {
namespace {

QStringList metricList(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

} // namespace

Result<std::vector<ExperimentStore::Summary>> ExperimentStore::list(Database &db)
{
    auto st = db.prepare("SELECT e.id, e.name, e.status, e.metrics, coalesce(e.covariate, ''), "
                         "(SELECT count(*) FROM assignments a WHERE a.experiment_id = e.id) "
                         "FROM experiments e ORDER BY e.name");
    if (!st)
        return st.error();
    auto arms = db.prepare("SELECT name, is_control FROM experiment_arms WHERE experiment_id = ?1 "
                           "ORDER BY id");
    if (!arms)
        return arms.error();
    std::vector<Summary> out;
    while (st->step()) {
        Summary s;
        s.name = st->text(1);
        s.status = st->text(2);
        s.metrics = metricList(st->text(3));
        s.covariate = st->text(4);
        s.units = st->int64(5);
        arms->bind(1, st->int64(0));
        while (arms->step()) {
            s.arms << arms->text(0);
            if (arms->int64(1) != 0)
                s.control = arms->text(0);
        }
        if (const Error *e = arms->error())
            return *e;
        if (Status r = arms->reset(); !r)
            return r.error();
        out.push_back(std::move(s));
    }
    if (const Error *e = st->error())
        return *e;
    return out;
}

Result<ExperimentData> ExperimentStore::load(Database &db, const QString &name)
{
    auto ex = db.prepare("SELECT id, metrics, covariate FROM experiments WHERE name = ?1");
    if (!ex)
        return ex.error();
    ex->bind(1, name);
    if (!ex->step()) {
        if (const Error *e = ex->error())
            return *e;
        return Error(Error::Code::NotFound, QStringLiteral("unknown experiment \"%1\"").arg(name));
    }
    ExperimentData d;
    d.name = name;
    const int64_t id = ex->int64(0);
    d.metrics = metricList(ex->text(1));
    d.covariate = ex->isNull(2) ? QString() : ex->text(2);

    auto arms = db.prepare("SELECT id, name, weight, is_control, is_holdout FROM experiment_arms "
                           "WHERE experiment_id = ?1 ORDER BY id");
    if (!arms)
        return arms.error();
    arms->bind(1, id);
    std::unordered_map<int64_t, int> armIndex;
    while (arms->step()) {
        ExperimentArm a;
        a.id = arms->int64(0);
        a.name = arms->text(1);
        a.weight = arms->real(2);
        a.isControl = arms->int64(3) != 0;
        a.isHoldout = arms->int64(4) != 0;
        if (a.isControl && d.control < 0)
            d.control = static_cast<int>(d.arms.size());
        armIndex.emplace(a.id, static_cast<int>(d.arms.size()));
        d.arms.push_back(std::move(a));
    }
    if (const Error *e = arms->error())
        return *e;
    if (d.control < 0)
        return Error(Error::Code::BadInput,
                     QStringLiteral("experiment \"%1\" has no control arm").arg(name));

    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    auto units = db.prepare("SELECT unit_id, arm_id, covariate FROM assignments "
                            "WHERE experiment_id = ?1 ORDER BY unit_id");
    if (!units)
        return units.error();
    units->bind(1, id);
    std::unordered_map<std::string, size_t> unitIndex;
    while (units->step()) {
        const auto arm = armIndex.find(units->int64(1));
        if (arm == armIndex.end())
            continue; // the foreign key rules this out
        unitIndex.emplace(std::string(units->textView(0)), d.unitArm.size());
        d.unitArm.push_back(arm->second);
        d.unitCovariate.push_back(units->isNull(2) ? nan : units->real(2));
    }
    if (const Error *e = units->error())
        return *e;

    auto outcomes = db.prepare("SELECT unit_id, value FROM experiment_outcomes "
                               "WHERE experiment_id = ?1 AND metric = ?2");
    if (!outcomes)
        return outcomes.error();
    for (const QString &metric : d.metrics) {
        std::vector<double> values(d.unitArm.size(), nan);
        outcomes->bind(1, id).bind(2, metric);
        while (outcomes->step()) {
            // Outcomes of units without an assignment belong to no arm: not counted.
            const auto u = unitIndex.find(std::string(outcomes->textView(0)));
            if (u != unitIndex.end())
                values[u->second] = outcomes->real(1);
        }
        if (const Error *e = outcomes->error())
            return *e;
        if (Status r = outcomes->reset(); !r)
            return r.error();
        d.outcomes.push_back(std::move(values));
    }
    return d;
}

} // namespace mw

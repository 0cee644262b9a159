#include "experimentreportwriter.h"

#include "io/csvreader.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace mw {
namespace {

void appendNumber(std::string &out, double v)
{
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void appendInt(std::string &out, int64_t v)
{
    out += std::to_string(v);
}

void appendString(std::string &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    out += '"';
}

void appendKey(std::string &out, const QString &key)
{
    appendString(out, key);
    out += ": ";
}

void appendPair(std::string &out, double low, double high)
{
    out += '[';
    appendNumber(out, low);
    out += ", ";
    appendNumber(out, high);
    out += ']';
}

void appendComparison(std::string &out, const std::optional<ArmComparison> &c,
                      const std::string &indent)
{
    if (!c) {
        out += "null";
        return;
    }
    const std::string in = indent + "  ";
    out += "{\n" + in + "\"abs_diff\": ";
    appendNumber(out, c->absDiff);
    out += ",\n" + in + "\"se\": ";
    appendNumber(out, c->se);
    out += ",\n" + in + "\"ci95_abs\": ";
    appendPair(out, c->ciAbsLow, c->ciAbsHigh);
    out += ",\n" + in + "\"rel_lift\": ";
    appendNumber(out, c->relLift);
    out += ",\n" + in + "\"se_rel\": ";
    appendNumber(out, c->seRel);
    out += ",\n" + in + "\"ci95_rel\": ";
    appendPair(out, c->ciRelLow, c->ciRelHigh);
    out += ",\n" + in + "\"p_value\": ";
    appendNumber(out, c->pValue);
    out += ",\n" + in + "\"p_adjusted\": ";
    appendNumber(out, c->pAdjusted);
    out += ",\n" + in + "\"chance_to_beat\": ";
    appendNumber(out, c->chanceToBeat);
    out += ",\n" + in + "\"incremental\": ";
    appendNumber(out, c->incremental);
    out += "\n" + indent + "}";
}

void appendSummary(std::string &out, const SampleSummary &s, const std::string &in)
{
    out += in + "\"n\": ";
    appendInt(out, s.n);
    out += ",\n" + in + "\"mean\": ";
    appendNumber(out, s.mean);
    out += ",\n" + in + "\"variance\": ";
    appendNumber(out, s.variance);
    out += ",\n" + in + "\"sum\": ";
    appendNumber(out, s.sum);
}

} // namespace

QByteArray ExperimentReportWriter::json(const ExperimentReport &r)
{
    std::string out = "{\n  \"experiment\": ";
    appendString(out, r.experiment);
    out += ",\n  \"control\": ";
    appendString(out, r.control);
    out += ",\n  \"confidence\": ";
    appendNumber(out, r.confidence);
    out += ",\n  \"covariate\": ";
    if (r.covariate.isEmpty())
        out += "null";
    else
        appendString(out, r.covariate);
    out += ",\n  \"srm\": {\"chi2\": ";
    appendNumber(out, r.srm.chi2);
    out += ", \"df\": ";
    appendInt(out, r.srm.degreesOfFreedom);
    out += ", \"p_value\": ";
    appendNumber(out, r.srm.pValue);
    out += ", \"flag\": ";
    out += r.srm.flag ? "true" : "false";
    out += ",\n          \"observed\": {";
    for (size_t a = 0; a < r.arms.size(); ++a) {
        if (a)
            out += ", ";
        appendKey(out, r.arms[a].name);
        appendInt(out, r.arms[a].n);
    }
    out += "},\n          \"expected_share\": {";
    for (size_t a = 0; a < r.arms.size(); ++a) {
        if (a)
            out += ", ";
        appendKey(out, r.arms[a].name);
        appendNumber(out, r.arms[a].expectedShare);
    }
    out += "}},\n  \"arms\": [";
    for (size_t a = 0; a < r.arms.size(); ++a) {
        const ExperimentReport::Arm &arm = r.arms[a];
        out += a ? ",\n    {" : "\n    {";
        out += "\"name\": ";
        appendString(out, arm.name);
        out += ", \"n\": ";
        appendInt(out, arm.n);
        out += ", \"is_control\": ";
        out += arm.isControl ? "true" : "false";
        out += ", \"is_holdout\": ";
        out += arm.isHoldout ? "true" : "false";
        out += ",\n      \"metrics\": {";
        for (size_t m = 0; m < arm.metrics.size(); ++m) {
            const ExperimentReport::Metric &metric = arm.metrics[m];
            out += m ? ",\n        " : "\n        ";
            appendKey(out, metric.name);
            out += "{\n";
            appendSummary(out, metric.summary, "          ");
            out += ",\n          \"vs_control\": ";
            appendComparison(out, metric.vsControl, "          ");
            if (metric.hasCuped) {
                out += ",\n          \"cuped\": {\"theta\": ";
                appendNumber(out, metric.cuped.theta);
                out += ", \"variance_reduction\": ";
                appendNumber(out, metric.cuped.varianceReduction);
                out += ",\n";
                appendSummary(out, metric.cupedSummary, "            ");
                out += ",\n            \"vs_control\": ";
                appendComparison(out, metric.cupedVsControl, "            ");
                out += "}";
            }
            out += "\n        }";
        }
        out += "\n      }}";
    }
    out += "\n  ]\n}\n";
    return QByteArray::fromStdString(out);
}

namespace {

void appendCsvNumber(std::string &out, double v)
{
    out += ',';
    if (std::isfinite(v))
        appendNumber(out, v);
}

void appendCsvComparison(std::string &out, const std::optional<ArmComparison> &c)
{
    if (!c) {
        out += ",,,,,,,,,,,,";
        return;
    }
    for (const double v :
         {c->absDiff, c->se, c->ciAbsLow, c->ciAbsHigh, c->relLift, c->seRel, c->ciRelLow,
          c->ciRelHigh, c->pValue, c->pAdjusted, c->chanceToBeat, c->incremental})
        appendCsvNumber(out, v);
}

constexpr const char *kComparisonColumns =
    "abs_diff,se,ci95_abs_low,ci95_abs_high,rel_lift,se_rel,ci95_rel_low,ci95_rel_high,"
    "p_value,p_adjusted,chance_to_beat,incremental";

} // namespace

QByteArray ExperimentReportWriter::csv(const ExperimentReport &r)
{
    std::string out = "experiment,arm,is_control,is_holdout,arm_n,metric,n,mean,variance,sum,";
    out += kComparisonColumns;
    if (r.cuped) {
        out += ",cuped_theta,cuped_variance_reduction,cuped_n,cuped_mean,cuped_variance,cuped_sum";
        for (const char *p = kComparisonColumns; *p;) {
            const char *e = std::strchr(p, ',');
            const std::string column = e ? std::string(p, e) : std::string(p);
            out += ",cuped_" + column;
            p = e ? e + 1 : p + column.size();
        }
    }
    out += "\r\n";
    for (const ExperimentReport::Arm &arm : r.arms) {
        for (const ExperimentReport::Metric &m : arm.metrics) {
            appendCsvField(out, r.experiment.toStdString());
            out += ',';
            appendCsvField(out, arm.name.toStdString());
            out += arm.isControl ? ",1" : ",0";
            out += arm.isHoldout ? ",1," : ",0,";
            appendInt(out, arm.n);
            out += ',';
            appendCsvField(out, m.name.toStdString());
            out += ',';
            appendInt(out, m.summary.n);
            appendCsvNumber(out, m.summary.mean);
            appendCsvNumber(out, m.summary.variance);
            appendCsvNumber(out, m.summary.sum);
            appendCsvComparison(out, m.vsControl);
            if (r.cuped) {
                appendCsvNumber(out, m.cuped.theta);
                appendCsvNumber(out, m.cuped.varianceReduction);
                out += ',';
                appendInt(out, m.cupedSummary.n);
                appendCsvNumber(out, m.cupedSummary.mean);
                appendCsvNumber(out, m.cupedSummary.variance);
                appendCsvNumber(out, m.cupedSummary.sum);
                appendCsvComparison(out, m.cupedVsControl);
            }
            out += "\r\n";
        }
    }
    return QByteArray::fromStdString(out);
}

} // namespace mw

#include "liftchart.h"

#include "reportformat.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace mw::ui {

namespace {

const QColor kDot(0x1f, 0x5f, 0xa8);
const QColor kWhisker(0x55, 0x55, 0x55);

} // namespace

LiftChart::LiftChart(QWidget *parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("liftChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
    setAccessibleName(tr("Lift chart"));
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->setAlignment(Qt::AlignBottom);
}

void LiftChart::showMetric(const ExperimentReport &report, int m, bool useCuped)
{
    QChart *c = chart();
    c->removeAllSeries();
    const QList<QAbstractAxis *> axes = c->axes();
    for (QAbstractAxis *axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    m_labels.clear();
    QString metricName;
    if (!report.arms.empty() && m >= 0 && m < int(report.arms.front().metrics.size()))
        metricName = report.arms.front().metrics[size_t(m)].name;

    m_significant = new QScatterSeries;
    m_significant->setName(tr("significant at 5 % (Holm)"));
    m_significant->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_significant->setMarkerSize(12);
    m_significant->setColor(kDot);
    m_significant->setBorderColor(kDot);
    m_other = new QScatterSeries;
    m_other->setName(tr("not significant at 5 %"));
    m_other->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_other->setMarkerSize(12);
    m_other->setColor(Qt::white);
    m_other->setBorderColor(kDot);

    struct Row {
        QString label;
        double lift, low, high;
        bool significant;
    };
    std::vector<Row> rows;
    for (const ExperimentReport::Arm &arm : report.arms) {
        if (arm.isControl || m < 0 || m >= int(arm.metrics.size()))
            continue;
        const ExperimentReport::Metric &metric = arm.metrics[size_t(m)];
        const bool cuped = useCuped && metric.hasCuped;
        const std::optional<ArmComparison> &vs = cuped ? metric.cupedVsControl : metric.vsControl;
        if (!vs || !std::isfinite(vs->relLift))
            continue;
        const bool markHoldout =
            arm.isHoldout && !arm.name.contains(QLatin1String("holdout"), Qt::CaseInsensitive);
        rows.push_back({markHoldout ? tr("%1 (holdout)").arg(arm.name) : arm.name,
                        vs->relLift * 100, vs->ciRelLow * 100, vs->ciRelHigh * 100,
                        vs->pAdjusted < 0.05});
    }
    // The first arm at the top, as in the table.
    std::reverse(rows.begin(), rows.end());

    double lo = 0, hi = 0;
    auto *axisX = new QValueAxis;
    axisX->setTitleText(tr("Relative lift vs control (%), with 95 % interval"));
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    auto *axisY = new QCategoryAxis;
    axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axisY->setGridLineVisible(false);
    c->addAxis(axisX, Qt::AlignBottom);
    c->addAxis(axisY, Qt::AlignLeft);

    const ReportFormat format;
    QStringList description;
    for (size_t i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        const double y = double(i);
        if (std::isfinite(r.low) && std::isfinite(r.high)) {
            auto *whisker = new QLineSeries;
            QPen pen(kWhisker);
            pen.setWidth(2);
            whisker->setPen(pen);
            const double cap = 0.12;
            *whisker << QPointF(r.low, y - cap) << QPointF(r.low, y + cap) << QPointF(r.low, y)
                     << QPointF(r.high, y) << QPointF(r.high, y + cap) << QPointF(r.high, y - cap);
            c->addSeries(whisker);
            whisker->attachAxis(axisX);
            whisker->attachAxis(axisY);
            lo = std::min(lo, r.low);
            hi = std::max(hi, r.high);
        }
        lo = std::min(lo, r.lift);
        hi = std::max(hi, r.lift);
        (r.significant ? m_significant : m_other)->append(r.lift, y);
        description << tr("%1: %2 %3%4")
                           .arg(r.label, format.lift(r.lift / 100),
                                format.liftInterval(r.low / 100, r.high / 100),
                                r.significant ? tr(", significant") : QString());
        m_labels.prepend(r.label);
        axisY->append(r.label, y);
    }
    // Screen readers get the figures the dots show.
    setAccessibleDescription(description.join(QStringLiteral("; ")));
    const double top = rows.empty() ? 0.5 : double(rows.size()) - 0.5;

    auto *zero = new QLineSeries;
    QPen zeroPen(Qt::black);
    zeroPen.setWidth(1);
    zeroPen.setStyle(Qt::DashLine);
    zero->setPen(zeroPen);
    *zero << QPointF(0, -0.5) << QPointF(0, top);
    c->addSeries(zero);
    zero->attachAxis(axisX);
    zero->attachAxis(axisY);
    c->addSeries(m_significant);
    c->addSeries(m_other);
    for (QScatterSeries *s : {m_significant, m_other}) {
        s->attachAxis(axisX);
        s->attachAxis(axisY);
    }
    // Only the two kinds of dot need a legend entry; whiskers and the zero line explain
    // themselves through the axis title.
    const QList<QLegendMarker *> markers = c->legend()->markers();
    for (QLegendMarker *marker : markers)
        marker->setVisible(marker->series() == m_significant || marker->series() == m_other);

    c->setTitle(rows.empty()
                    ? tr("No relative lift of %1 to show: the control's mean is 0 or the "
                         "arms have no values")
                          .arg(metricName)
                    : tr("Relative lift of %1 against “%2”").arg(metricName, report.control));
    // About 80 px per arm: the whiskers' caps keep their proportions and one arm does not
    // get a chart the height of the pane.
    setMaximumHeight(150 + 80 * int(std::max<size_t>(rows.size(), 1)));

    const double pad = std::max(5.0, (hi - lo) * 0.08);
    axisX->setRange(lo - pad, hi + pad);
    axisX->applyNiceNumbers();
    axisY->setRange(-0.5, top);
    axisY->setStartValue(-0.5);
}

int LiftChart::pointCount() const
{
    return (m_significant ? int(m_significant->count()) : 0) +
           (m_other ? int(m_other->count()) : 0);
}

int LiftChart::significantCount() const
{
    return m_significant ? int(m_significant->count()) : 0;
}

} // namespace mw::ui

#include "srmbanner.h"

#include "reportformat.h"

#include <QLocale>

#include <cmath>

namespace mw::ui {

SrmBanner::SrmBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("srmBanner"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
}

void SrmBanner::showReport(const ExperimentReport &report)
{
    const ReportFormat f;
    int64_t total = 0;
    for (const ExperimentReport::Arm &arm : report.arms)
        total += arm.n;
    m_warning = report.srm.flag;
    const QString p = std::isfinite(report.srm.pValue)
                          ? QLocale().toString(report.srm.pValue, 'g', 2)
                          : QStringLiteral("–");
    if (!m_warning) {
        setStyleSheet(QStringLiteral("QLabel { color: #2e6b30; padding: 2px 0px; }"));
        setText(tr("✓ Assignment looks balanced: the arms' sizes match the planned split "
                   "(sample-ratio check p = %1).")
                    .arg(p.toHtmlEscaped()));
        return;
    }
    QStringList shares;
    for (const ExperimentReport::Arm &arm : report.arms) {
        const double observed = total > 0 ? double(arm.n) / double(total) : NAN;
        shares << tr("%1: %2 observed, %3 planned")
                      .arg(arm.name.toHtmlEscaped(), f.percent(observed),
                           f.percent(arm.expectedShare));
    }
    // Warning colours plus a symbol and bold words, so it reads without colour too.
    setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; "
                                 "border: 1px solid #e0a09a; border-radius: 4px; "
                                 "padding: 6px 8px; }"));
    setText(tr("<b>⚠ Sample ratio mismatch</b> — the arms' sizes do not match the planned "
               "split (p = %1). The assignment or the data is probably broken; do not trust "
               "the lifts below until the cause is found.<br>%2")
                .arg(p.toHtmlEscaped(), shares.join(QStringLiteral(" · "))));
}

} // namespace mw::ui

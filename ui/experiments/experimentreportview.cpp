#include "experimentreportview.h"

#include "experimentreporttable.h"
#include "liftchart.h"
#include "reportformat.h"
#include "srmbanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <cmath>

namespace mw::ui {

ExperimentReportView::ExperimentReportView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_header(new QLabel(this)),
      m_srm(new SrmBanner(this)), m_metric(new QComboBox(this)),
      m_cuped(new QCheckBox(tr("C&UPED"), this)), m_cupedInfo(new QLabel(this)),
      m_table(new ExperimentReportTable(this)), m_chart(new LiftChart(this))
{
    setObjectName(QStringLiteral("experimentReportView"));
    m_title->setObjectName(QStringLiteral("experimentTitle"));
    m_header->setObjectName(QStringLiteral("experimentHeader"));
    m_header->setWordWrap(true);
    m_metric->setObjectName(QStringLiteral("metricSelector"));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_cuped->setObjectName(QStringLiteral("cupedCheckBox"));
    m_cuped->setToolTip(tr("Adjust every metric for the pre-period covariate (CUPED): the "
                           "same comparison with less noise, so narrower intervals"));
    m_cupedInfo->setObjectName(QStringLiteral("cupedInfo"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *metricLabel = new QLabel(tr("&Metric:"), this);
    metricLabel->setBuddy(m_metric);
    auto *controls = new QHBoxLayout;
    controls->addWidget(metricLabel);
    controls->addWidget(m_metric);
    controls->addSpacing(16);
    controls->addWidget(m_cuped);
    controls->addWidget(m_cupedInfo, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_header);
    layout->addWidget(m_srm);
    layout->addLayout(controls);
    layout->addWidget(m_table);
    layout->addWidget(m_chart, 1);
    auto *note = new QLabel(
        tr("How to read this: each dot is an arm's lift over the control, the line its 95 % "
           "confidence interval. An interval that does not cross zero is a real "
           "difference; filled dots (bold figures in the table) stay significant after the "
           "Holm adjustment for testing several arms and metrics at once."),
        this);
    note->setObjectName(QStringLiteral("readingNote"));
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch(0);

    connect(m_metric, &QComboBox::currentIndexChanged, this, &ExperimentReportView::showMetric);
    connect(m_cuped, &QCheckBox::toggled, this, &ExperimentReportView::cupedRequested);
}

QString ExperimentReportView::currentMetric() const
{
    return m_metric->currentText();
}

void ExperimentReportView::setCurrentMetric(const QString &name)
{
    if (const int i = m_metric->findText(name); i >= 0)
        m_metric->setCurrentIndex(i);
}

bool ExperimentReportView::cupedChecked() const
{
    return m_cuped->isChecked() && !m_cuped->isHidden();
}

void ExperimentReportView::showReport(const ExperimentReport &report)
{
    m_report = report;
    m_title->setText(report.experiment);
    const QLocale locale;
    const QString confidence =
        tr("%1 %", "percentage").arg(locale.toString(report.confidence * 100, 'f', 0));
    m_header->setText(
        report.covariate.isEmpty()
            ? tr("Every arm against the control “%1” · confidence %2 · no covariate")
                  .arg(report.control, confidence)
            : tr("Every arm against the control “%1” · confidence %2 · covariate “%3”")
                  .arg(report.control, confidence, report.covariate));
    m_srm->showReport(report);

    const QString previous = m_metric->currentText();
    {
        const QSignalBlocker blocker(m_metric);
        m_metric->clear();
        if (!report.arms.empty())
            for (const ExperimentReport::Metric &metric : report.arms.front().metrics)
                m_metric->addItem(metric.name);
        const int i = m_metric->findText(previous);
        m_metric->setCurrentIndex(i >= 0 ? i : 0);
    }
    {
        const QSignalBlocker blocker(m_cuped);
        m_cuped->setVisible(!report.covariate.isEmpty());
        m_cuped->setChecked(report.cuped);
    }
    showMetric();
}

void ExperimentReportView::showMetric()
{
    const int m = m_metric->currentIndex();
    m_table->showMetric(m_report, m, m_report.cuped);
    m_chart->showMetric(m_report, m, m_report.cuped);

    m_cupedInfo->clear();
    if (m_report.cuped && !m_report.arms.empty() && m >= 0 &&
        m < int(m_report.arms.front().metrics.size())) {
        const ExperimentReport::Metric &metric = m_report.arms.front().metrics[size_t(m)];
        if (metric.hasCuped && std::isfinite(metric.cuped.varianceReduction))
            m_cupedInfo->setText(
                tr("CUPED on “%1” reduces the variance of %2 by %3")
                    .arg(m_report.covariate, metric.name,
                         ReportFormat().percent(metric.cuped.varianceReduction, 2)));
        else
            m_cupedInfo->setText(
                tr("CUPED cannot adjust %1 (the covariate is constant)").arg(metric.name));
    }

    fitTable();
}

void ExperimentReportView::fitTable()
{
    // The table is as tall as its rows and as wide as its columns, so the chart gets the
    // rest of the pane; a scroll bar only when the pane is narrower than the columns.
    const int frame = 2 * m_table->frameWidth();
    const int width = m_table->horizontalHeader()->length() + frame;
    m_table->setMaximumWidth(width);
    int height = m_table->horizontalHeader()->sizeHint().height() + frame;
    for (int r = 0; r < m_table->rowCount(); ++r)
        height += m_table->rowHeight(r);
    if (width > contentsRect().width() - layout()->contentsMargins().left() -
                    layout()->contentsMargins().right())
        height += m_table->horizontalScrollBar()->sizeHint().height();
    m_table->setFixedHeight(height);
}

void ExperimentReportView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTable();
}

} // namespace mw::ui

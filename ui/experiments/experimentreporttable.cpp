#include "experimentreporttable.h"

#include "reportformat.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>

#include <algorithm>
#include <map>

namespace mw::ui {

ExperimentReportTable::ExperimentReportTable(QWidget *parent) : QTableWidget(parent)
{
    setObjectName(QStringLiteral("experimentReportTable"));
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels({tr("Arm"), tr("Units"), tr("Mean"), tr("Difference"), tr("95 % CI"),
                               tr("Lift"), tr("95 % CI"), tr("p-value"), tr("Holm p"),
                               tr("Chance to beat\ncontrol"), tr("Incremental")});
    const QString tips[ColumnCount] = {
        tr("The arm; the control is the baseline every other arm is compared with"),
        tr("Units with a value for this metric"),
        tr("Mean per unit (for 0/1 metrics: the rate)"),
        tr("Mean minus the control's mean (pp: percentage points)"),
        tr("95 % confidence interval of the difference"),
        tr("Relative lift: the difference divided by the control's mean"),
        tr("95 % confidence interval of the relative lift"),
        tr("Two-sided p-value of the difference (normal approximation)"),
        tr("p-value adjusted for all comparisons of this report (Holm–Bonferroni); "
           "below 0.05 counts as significant"),
        tr("Probability that the arm's true mean is above the control's"),
        tr("Difference times the arm's units: the extra visits, orders or revenue")};
    for (int c = 0; c < ColumnCount; ++c)
        horizontalHeaderItem(c)->setToolTip(tips[c]);
    verticalHeader()->hide();
    setEditTriggers(NoEditTriggers);
    setSelectionBehavior(SelectItems);
    setSelectionMode(ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
}

void ExperimentReportTable::showMetric(const ExperimentReport &report, int m, bool useCuped)
{
    const ReportFormat f;
    const bool rate = ReportFormat::isRate(report, m);
    clearContents();
    setRowCount(int(report.arms.size()));
    int row = 0;
    for (const ExperimentReport::Arm &arm : report.arms) {
        if (m < 0 || m >= int(arm.metrics.size()))
            break;
        const ExperimentReport::Metric &metric = arm.metrics[size_t(m)];
        const bool cuped = useCuped && metric.hasCuped;
        const SampleSummary &s = cuped ? metric.cupedSummary : metric.summary;
        const std::optional<ArmComparison> &vs = cuped ? metric.cupedVsControl : metric.vsControl;

        // The role in words unless the arm's name says it already ("control", "holdout").
        QString name = arm.name;
        if (arm.isControl && !arm.name.contains(QLatin1String("control"), Qt::CaseInsensitive))
            name = tr("%1 (control)").arg(arm.name);
        else if (arm.isHoldout && !arm.name.contains(QLatin1String("holdout"), Qt::CaseInsensitive))
            name = tr("%1 (holdout)").arg(arm.name);
        QStringList texts(ColumnCount);
        texts[ArmColumn] = name;
        texts[NColumn] = f.count(s.n);
        texts[MeanColumn] = f.mean(s.mean, rate);
        if (vs) {
            texts[DiffColumn] = f.difference(vs->absDiff, rate);
            texts[DiffCiColumn] = f.differenceInterval(vs->ciAbsLow, vs->ciAbsHigh, rate);
            texts[LiftColumn] = f.lift(vs->relLift);
            texts[LiftCiColumn] = f.liftInterval(vs->ciRelLow, vs->ciRelHigh);
            texts[PColumn] = f.pValue(vs->pValue);
            texts[HolmColumn] = f.pValue(vs->pAdjusted);
            texts[ChanceColumn] = f.chance(vs->chanceToBeat);
            texts[IncrementalColumn] = f.incremental(vs->incremental);
        } else if (arm.isControl) {
            // The control is what the others are measured against: no figures of its own.
            texts[DiffColumn] = tr("baseline");
            texts[LiftColumn] = tr("baseline");
        }
        const bool significant = vs && vs->pAdjusted < 0.05;
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(texts[c]);
            item->setTextAlignment(c == ArmColumn
                                       ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                       : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
            if (arm.isControl && c >= DiffColumn)
                item->setTextAlignment(Qt::AlignCenter);
            if (texts[c].isEmpty())
                item->setFlags(item->flags() & ~Qt::ItemIsSelectable);
            QFont font = item->font();
            if (arm.isControl && c == ArmColumn)
                font.setBold(true);
            if (arm.isHoldout && c == ArmColumn)
                font.setItalic(true);
            // Significant figures in bold, so the table does not rely on colour.
            if (significant && (c == LiftColumn || c == HolmColumn))
                font.setBold(true);
            item->setFont(font);
            if (arm.isControl)
                item->setData(Qt::UserRole, true);
            setItem(row, c, item);
        }
        if (arm.isControl)
            item(row, ArmColumn)->setToolTip(tr("Control: every other arm is compared with it"));
        else if (arm.isHoldout)
            item(row, ArmColumn)
                ->setToolTip(tr("Holdout: kept out of the campaign to measure its effect"));
        if (vs && std::isfinite(vs->pValue)) {
            item(row, PColumn)->setToolTip(QLocale().toString(vs->pValue, 'g', 3));
            item(row, HolmColumn)
                ->setToolTip(significant ? tr("Significant at 5 % after Holm adjustment (%1)")
                                               .arg(QLocale().toString(vs->pAdjusted, 'g', 3))
                                         : tr("Not significant at 5 % after Holm "
                                              "adjustment (%1)")
                                               .arg(QLocale().toString(vs->pAdjusted, 'g', 3)));
        }
        ++row;
    }
    setRowCount(row);
}

QString ExperimentReportTable::selectionAsText() const
{
    // Rows and columns of the selection in visual order; unselected cells inside the
    // bounding rectangle stay empty so columns line up when pasted.
    std::map<int, std::map<int, QString>> cells;
    int minCol = columnCount(), maxCol = -1;
    const QList<QTableWidgetItem *> items = selectedItems();
    for (const QTableWidgetItem *i : items) {
        cells[i->row()][i->column()] = i->text();
        minCol = std::min(minCol, i->column());
        maxCol = std::max(maxCol, i->column());
    }
    QStringList lines;
    for (const auto &[r, cols] : cells) {
        QStringList fields;
        for (int c = minCol; c <= maxCol; ++c) {
            const auto it = cols.find(c);
            fields << (it == cols.end() ? QString() : it->second);
        }
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

void ExperimentReportTable::copySelection() const
{
    const QString text = selectionAsText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ExperimentReportTable::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

} // namespace mw::ui

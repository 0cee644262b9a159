#pragma once

#include "experiments/experimentstore.h"

#include <QTreeWidget>

#include <vector>

namespace mw::ui {

/// The database's experiments: name, status and units, one row each. Keyboard focusable;
/// moving the current row (arrows, click) announces the experiment.
class ExperimentList : public QTreeWidget {
    Q_OBJECT
public:
    explicit ExperimentList(QWidget *parent = nullptr);

    /// Replaces the rows; keeps select current if it is still there, else the first row.
    void setExperiments(const std::vector<ExperimentStore::Summary> &experiments,
                        const QString &select = {});
    QString currentExperiment() const;
    /// The summary of the experiment called name; nullptr when there is none.
    const ExperimentStore::Summary *summary(const QString &name) const;

    /// The stored status (draft, running, completed) in the user's language.
    static QString statusText(const QString &status);

signals:
    void experimentSelected(const QString &name);

private:
    std::vector<ExperimentStore::Summary> m_experiments;
};

} // namespace mw::ui

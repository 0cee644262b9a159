#pragma once

#include <QSettings>
#include <QVariant>

#include <utility>

namespace mw::ui {

/// A typed QSettings key, declared next to the code that uses it (STYLE.md example 7):
///   static const Setting<QByteArray> geometry{"mainwindow/geometry"};
template <typename T> class Setting {
public:
    explicit Setting(const char *key, T defaultValue = T{})
        : m_key(key), m_default(std::move(defaultValue))
    {
    }

    T get() const
    {
        const QVariant v = QSettings().value(QLatin1String(m_key));
        return v.isValid() ? v.template value<T>() : m_default;
    }
    void set(const T &value) const { QSettings().setValue(QLatin1String(m_key), value); }
    void clear() const { QSettings().remove(QLatin1String(m_key)); }
    const char *key() const { return m_key; }

private:
    const char *m_key;
    T m_default;
};

} // namespace mw::ui

#include "liquidexport.h"

#include "content/blocktemplate.h"
#include "liquid/template.h"

#include <QJsonArray>

#include <set>

namespace mw {

namespace {

Status collectFields(const QByteArray &source, const QString &what, std::set<std::string> &fields)
{
    auto tpl = liquid::Template::parse(
        std::string_view(source.constData(), static_cast<size_t>(source.size())));
    if (!tpl)
        return Error(Error::Code::BadInput,
                     QStringLiteral("%1: the exported template is not valid Liquid: %2")
                         .arg(what, tpl.error().message));
    for (std::string &v : (*tpl)->referencedVariables())
        fields.insert(std::move(v));
    return {};
}

} // namespace

Result<LiquidExport> LiquidExport::build(const CampaignDocument &doc)
{
    LiquidExport out;
    QString html = EmailLayout::open(doc.language, doc.subject, doc.preheader);
    QString text;
    QJsonArray leftOut;
    for (const CampaignBlock &b : doc.blocks) {
        const BlockTemplate t = BlockTemplateGenerator::generate(b.type, b.content);
        html += t.html;
        if (!t.text.trimmed().isEmpty())
            text += t.text.trimmed() + QStringLiteral("\n\n");
        if (!b.variants.empty())
            leftOut.append(QStringLiteral("block %1: %2 variant(s); the default content is used")
                               .arg(b.id)
                               .arg(b.variants.size()));
        if (!b.hideWhen.isNull() && !b.hideWhen.isUndefined())
            leftOut.append(
                QStringLiteral("block %1: hide rule; the block is always shown").arg(b.id));
        if (!b.required.isEmpty())
            leftOut.append(QStringLiteral("block %1: requires %2; not checked")
                               .arg(b.id, b.required.join(QStringLiteral(", "))));
    }
    html += EmailLayout::close();
    for (const auto &[name, variants] :
         {std::pair{QStringLiteral("subject"), &doc.subjectVariants},
          std::pair{QStringLiteral("preheader"), &doc.preheaderVariants},
          std::pair{QStringLiteral("from_name"), &doc.fromNameVariants}})
        if (!variants->empty())
            leftOut.append(QStringLiteral("%1: %2 variant(s); the default text is used")
                               .arg(name)
                               .arg(variants->size()));
    out.html = html.toUtf8();
    out.text = text.toUtf8();

    std::set<std::string> fields;
    if (Status s = collectFields(out.html, QStringLiteral("template.html"), fields); !s)
        return s.error();
    if (Status s = collectFields(out.text, QStringLiteral("template.txt"), fields); !s)
        return s.error();
    if (Status s = collectFields(doc.fromName.toUtf8(), QStringLiteral("from_name"), fields); !s)
        return s.error();
    QJsonArray fieldList;
    for (const std::string &f : fields)
        fieldList.append(QString::fromStdString(f));
    out.manifest = {{QStringLiteral("template"), QStringLiteral("template.html")},
                    {QStringLiteral("text_template"), QStringLiteral("template.txt")},
                    {QStringLiteral("subject"), doc.subject},
                    {QStringLiteral("preheader"), doc.preheader},
                    {QStringLiteral("from_name"), doc.fromName},
                    {QStringLiteral("from_email"), doc.fromEmail},
                    {QStringLiteral("fields"), fieldList},
                    {QStringLiteral("not_exported"), leftOut}};
    return out;
}

} // namespace mw

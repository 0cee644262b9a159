#pragma once
// Internal: the node types of a parsed template (see ast.h).

#include "liquid/ast.h"

namespace mw::liquid::detail {

struct TextNode : Node {
    TextNode() { isText = true; }
    std::string text;
    bool raw = false; // from {% raw %}: a tag for whitespace control, not a string
    void render(RenderState &st, std::string &out) const override;
};

/// {{ ... }} and {% echo ... %}
struct OutputNode : Node {
    OutputNode() { isOutput = true; }
    VariableExpr var;
    void render(RenderState &st, std::string &out) const override;
};

struct AssignNode : Node {
    std::string to;
    int localSlot = -1; // see Expr::localSlot
    VariableExpr var;
    void render(RenderState &st, std::string &out) const override;
};

struct CaptureNode : Node {
    std::string to;
    int localSlot = -1; // see Expr::localSlot
    Body body;
    void render(RenderState &st, std::string &out) const override;
};

struct IfNode : Node {
    struct Branch {
        ConditionChain cond;
        Body body;
    };
    bool unless = false;
    std::vector<Branch> branches;
    void render(RenderState &st, std::string &out) const override;
};

struct CaseNode : Node {
    struct When {
        ExprPtr value;
        bool isElse = false;
        int body = 0;
    };
    ExprPtr left;
    std::vector<When> whens; // in source order
    std::vector<Body> bodies;
    void render(RenderState &st, std::string &out) const override;
};

struct ForNode : Node {
    std::string var;
    std::string name; // "var-collection", the key of offset:continue
    ExprPtr collection;
    ExprPtr limit;
    ExprPtr offset; // null: from 0
    bool offsetContinue = false;
    bool reversed = false;
    bool hasElse = false;
    Body body;
    Body elseBody;
    void render(RenderState &st, std::string &out) const override;
};

/// {% tablerow %}: a for loop writing an HTML table. It is a ForNode for the parse-time
/// scope analysis (template.cpp): it pushes the same two loopVars entries (tablerowloop,
/// then the item), and its var, collection, limit and offset mean the same.
struct TablerowNode : ForNode {
    ExprPtr cols;
    void render(RenderState &st, std::string &out) const override;
};

/// {% ifchanged %}: prints its body when it differs from the last ifchanged's output.
struct IfchangedNode : Node {
    Body body;
    void render(RenderState &st, std::string &out) const override;
};

/// {% include %}: there is no template file system, so it renders Shopify's error -- after
/// evaluating the template name as Ruby does (a nil name is another error).
struct IncludeNode : Node {
    ExprPtr templateName;
    void render(RenderState &st, std::string &out) const override;
};

struct CycleNode : Node {
    ExprPtr group; // null: unnamed (key below)
    std::string key;
    std::vector<ExprPtr> values;
    void render(RenderState &st, std::string &out) const override;
};

struct CounterNode : Node {
    std::string name;
    int step = 1;
    void render(RenderState &st, std::string &out) const override;
};

struct CommentNode : Node {
    void render(RenderState &, std::string &) const override {}
};

struct InterruptNode : Node {
    bool isBreak = true;
    void render(RenderState &st, std::string &out) const override;
};

/// A tag that always fails at render time (include/render without a file system).
struct ErrorNode : Node {
    std::string message;
    void render(RenderState &st, std::string &out) const override;
};

} // namespace mw::liquid::detail

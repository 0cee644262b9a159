#!/usr/bin/env python3
"""Random differential run against Shopify Liquid (ruby-liquid 5.4).

A grammar-based generator writes random templates (every tag, every standard filter with
odd arguments, nested lookups, mixed-type comparisons, whitespace control, strict-mode
errors) and random JSON data (nil, huge and negative numbers, number-like strings,
Unicode with combining marks and 4-byte characters, dates, nested arrays and hashes).
Each case is rendered by ruby_liquid_runner.rb (--cases, as tst_liquid_differential does)
and by `mailwright-cli liquid`; outputs must be byte-identical, and a template Shopify
rejects must be rejected by us (exit 2).

    python3 tests/liquid/fuzz_differential.py [--cli build/app/cli/mailwright-cli]
            [--seed S] [--count N] [--out DIR]

Mismatches are written to DIR/mismatches.jsonl (template, data, both outputs); minimise
them by hand and add the small case to make_corpus.py. Cases whose output depends on the
wall clock ('now'/'today' with seconds) are generated so that they agree within a minute.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# ---------------------------------------------------------------- data

SCALARS = [
    None, True, False, 0, 1, -1, 2, 3, 7, -7, 10, 100, 2147483647, 2147483648,
    9007199254740993,
    0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1.0, 10.0, 1e20, 1e-5, 123456.789, 3.14159,
    1.0e16, 59.99,
    "", " ", "  a b  ", "0", "1", "-1", "1.5", "-3.7", "007", "1e3", " 4 ", "0x10", "12abc",
    "abc", "ABC def", "Hello World", "hello, world", "a,b,,c", "a b c d e f",
    "true", "false", "nil", "empty", "blank",
    "e\u0301t\u00e9", "Gr\u00fc\u00dfe \u00c9COLE \u00df", "\u6771\u4eac\u90fd", "\U0001F600 smile \U0001D11E",
    "\u0130stanbul", "\u03a9\u03bc\u03ad\u03b3\u03b1", "\ufb01ne", "a\u0000b",
    "<p class=\"x\">Fish &amp; Chips's <b>bold</b></p>", "&lt;&#39;&amp;amp;", "a&b<c>d\"e'f",
    "line1\nline2\r\nline3", "tab\there", "https://ex.com/a b?q=1&r=\u00e9", "a%20b+c%zz",
    "2024-03-05", "2024-03-05T14:07:09Z", "2024-03-05 09:08:07 +0200", "1709647629",
    "March 5, 2024", "now", "today", "Tue, 05 Mar 2024 14:07:09 GMT", "2024-13-45",
    "dGVzdA==", "%", "{{ x }}", "{% if %}",
]


def rand_scalar(r):
    return r.choice(SCALARS)


def rand_value(r, depth=0):
    x = r.random()
    if depth >= 3 or x < 0.55:
        return rand_scalar(r)
    if x < 0.8:
        return [rand_value(r, depth + 1) for _ in range(r.randrange(0, 5))]
    return {r.choice(KEYS): rand_value(r, depth + 1) for _ in range(r.randrange(0, 5))}


KEYS = ["a", "b", "title", "price", "name", "k", "size", "first", "last", "x", "1", "tags",
        "cat", "nil", "empty"]
VARS = ["s", "n", "f", "arr", "h", "u", "d", "p", "products", "words", "nums", "mix", "z",
        "size", "first"]


def rand_data(r):
    d = {}
    d["s"] = r.choice([v for v in SCALARS if isinstance(v, str)])
    d["n"] = r.choice([v for v in SCALARS if isinstance(v, int) and not isinstance(v, bool)])
    d["f"] = r.choice([v for v in SCALARS if isinstance(v, float)])
    d["arr"] = [rand_scalar(r) for _ in range(r.randrange(0, 6))]
    d["words"] = r.sample(["b", "A", "c", "a", "B", "10", "9", "\u00e9", "Z", ""], r.randrange(0, 7))
    d["nums"] = [r.choice([3, 1, 2, -1, 2.5, 0, 10, 1e20, -0.5]) for _ in range(r.randrange(0, 6))]
    d["mix"] = [rand_value(r, 2) for _ in range(r.randrange(0, 5))]
    d["h"] = {k: rand_value(r, 1) for k in r.sample(KEYS, r.randrange(0, 6))}
    d["u"] = {"first_name": r.choice(["Ada", "", None, "\u00e9mile", " bob "]),
              "address": {"city": r.choice(["London", None, ""])},
              "orders": r.choice([0, 3, None, "2", 1.5]), "vip": r.choice([True, False, None, "false"]),
              "tags": r.choice([[], ["a"], ["vip", "new"], None])}
    d["d"] = r.choice(["2024-03-05", "2024-03-05T14:07:09Z", 1709647629, "1709647629", 0, -1,
                       "now", "today", "", None, 1709647629.5, "2024-02-29 23:59:59", "x", 2.5,
                       "2024-03-05T09:08:07+05:30", "1 Jan 2000", "20240305"])
    prods = []
    for _ in range(r.randrange(0, 5)):
        prods.append({"title": r.choice(["Shoe", "hat", "Lamp", "apple", "", None, "\u00c9clair", 5]),
                      "price": r.choice([59.99, 15, 120.5, None, "7", 0, -3]),
                      "cat": r.choice(["wear", "home", None, "", "Wear"]),
                      "stock": r.choice([0, 1, 3, None, True, False]),
                      "tags": r.choice([[], ["new"], ["sale", "new"], None, "new"])})
    if r.random() < 0.2:
        prods.append(rand_scalar(r))
    d["products"] = prods
    d["p"] = prods[0] if prods else None
    d["z"] = rand_value(r)
    if r.random() < 0.3:
        d["size"] = rand_scalar(r)
    if r.random() < 0.2:
        d["first"] = rand_scalar(r)
    keys = list(d)
    r.shuffle(keys)
    return {k: d[k] for k in keys}


# ---------------------------------------------------------------- templates

STR_LITS = ["''", "' '", "'a'", "'abc'", "\"dq\"", "'A,b'", "','", "'-'", "'1'", "'1.5'",
            "'-2'", "'x y z'", "'\u00e9'", "'\U0001F600'", "'e\u0301'", "'%Y-%m-%d'", "'now'",
            "'today'", "'<b>'", "'&amp;'", "'title'", "'price'", "'cat'", "'wear'", "'a'",
            "'size'", "'first'", "'true'", "'nil'", "' 3 '"]
# (integers beyond 64 bits are a known difference -- Ruby Bignums -- so they are rare here)
NUM_LITS = ["0", "1", "2", "3", "-1", "-2", "7", "10", "100", "1.5", "-1.5", "0.5", "2.0",
            "-0.0", "007", "2147483648", "0.1", "1.005", "-7", "2.5", "3.0", "1000000"]
KW_LITS = ["nil", "null", "true", "false", "empty", "blank"]


class Gen:
    def __init__(self, r):
        self.r = r
        self.locals = []   # names assigned / loop variables in scope

    def choice(self, xs):
        return self.r.choice(xs)

    def var(self, depth=0):
        r = self.r
        base = self.choice(VARS + self.locals + ["missing", "forloop", "u", "h", "p"])
        if base == "forloop":
            return "forloop." + self.choice(["index", "index0", "rindex", "rindex0", "first",
                                             "last", "length", "name", "parentloop.index",
                                             "parentloop", "nope"])
        out = base
        for _ in range(r.randrange(0, 3)):
            x = r.random()
            if x < 0.3:
                out += "." + self.choice([k for k in KEYS if k != "1"] + ["size", "first", "last", "first_name",
                                                 "address.city", "orders", "vip", "tags"])
            elif x < 0.55:
                out += "[" + self.choice(["0", "1", "-1", "9", "-9"]) + "]"
            elif x < 0.75:
                out += "[" + self.choice(["'a'", "'title'", "\"size\"", "'first'", "'1'",
                                          "'k'"]) + "]"
            elif depth < 2:
                out += "[" + self.var(depth + 1) + "]"
            else:
                out += ".size"
        return out

    def literal(self):
        x = self.r.random()
        if x < 0.45:
            return self.choice(STR_LITS)
        if x < 0.8:
            return self.choice(NUM_LITS)
        if x < 0.93:
            return self.choice(KW_LITS)
        return self.rng()

    def rng(self):
        # (no data integers here: (1..9007199254740993) runs Ruby out of memory)
        a = self.choice(["1", "0", "-2", "3", "'2'", "1.5", "nil", "arr.size", "s", "words"])
        b = self.choice(["3", "0", "5", "-1", "'4'", "2.7", "nil", "arr.size", "s", "10"])
        return f"({a}..{b})"

    def atom(self):
        return self.var() if self.r.random() < 0.6 else self.literal()

    def farg(self):
        return self.atom()

    def filt(self):
        r = self.r
        name = self.choice(FILTERS)
        spec = FILTER_ARGS.get(name, [0])
        n = self.choice(spec)
        if r.random() < 0.05:
            n += self.choice([1, -1]) if n > 0 else 1  # wrong arity
        args = [self.filter_arg(name, i) for i in range(max(n, 0))]
        if name == "default" and r.random() < 0.3:
            args.append("allow_false: " + self.choice(["true", "false", "nil", "t"]))
        if r.random() < 0.02:
            args.append("extra: 1")
        if not args:
            return name
        return name + ": " + ", ".join(args)

    def filter_arg(self, name, i):
        r = self.r
        if r.random() < 0.5:
            return self.farg()
        if name in ("date",):
            return self.choice(["'%Y-%m-%d %H:%M'", "'%a %b %e %j %U %W %u %w %y %C'",
                                "'%-d/%-m/%Y %-I%P %p'", "'%^a %^B %10A|%-10d|%_5m|%05Y'",
                                "'%F %R %z %Z %:z'", "'%s'", "'%%|%Q|%'", "''", "'%c|%x|%X|%D'",
                                "'%L %N %3N %E %O %+'", "'%G-W%V-%u %g'", "'%l %k %I %H'",
                                "'%B %b %h %^b %#B'", "'%v %T %r'"])
        if name in ("split", "join", "remove", "remove_first", "remove_last", "replace",
                    "replace_first", "replace_last", "append", "prepend"):
            return self.choice(["','", "' '", "''", "'a'", "'b'", "'\u00e9'", "'ab'", "'\\\\'",
                                "'%'", "'e\u0301'", "'\U0001F600'"])
        if name in ("map", "where", "sort", "sort_natural", "uniq", "compact"):
            return self.choice(["'title'", "'price'", "'cat'", "'stock'", "'tags'", "'nope'",
                                "'a'", "''", "nil", "1"])
        return self.choice(NUM_LITS + ["'2'", "nil", "'x'", "''", "n", "f"])

    def expr(self, max_filters=3):
        e = self.atom()
        for _ in range(self.r.randrange(0, max_filters + 1)):
            e += " | " + self.filt()
        return e

    def cond(self, depth=0):
        r = self.r
        c = self.atom() if r.random() < 0.8 else self.choice(["(1..3)", "(a..b)"]) if False else self.atom()
        if r.random() < 0.75:
            c += f" {self.choice(OPS)} {self.atom()}"
        if depth < 3 and r.random() < 0.3:
            c += f" {self.choice(['and', 'or'])} {self.cond(depth + 1)}"
        return c

    def ws(self, s):
        # whitespace control on either side, and sometimes spacing noise inside the tag
        r = self.r
        lo = "-" if r.random() < 0.15 else ""
        ro = "-" if r.random() < 0.15 else ""
        return lo, ro

    def tag(self, body):
        lo, ro = self.ws(body)
        sp = self.choice([" ", " ", "  ", "\n", ""]) if not lo else " "
        return "{%" + lo + sp + body + " " + ro + "%}"

    def out(self, e):
        lo, ro = self.ws(e)
        return "{{" + lo + " " + e + " " + ro + "}}"

    def text(self):
        return self.choice([" ", "\n", "  \n  ", "|", "x", "\t", " txt ", "\u00e9", "\n\n",
                            "{", "}", "%}", "}}", "{ {", "-"])

    def block(self, d=0, in_loop=False, n=None):
        r = self.r
        parts = []
        for _ in range(n if n is not None else r.randrange(1, 4)):
            x = r.random()
            if d > 3 or x < 0.3:
                parts.append(self.out(self.expr()))
            elif x < 0.36:
                parts.append(self.text())
            elif x < 0.45:
                parts.append(self.if_tag(d, in_loop))
            elif x < 0.5:
                parts.append(self.unless_tag(d, in_loop))
            elif x < 0.56:
                parts.append(self.case_tag(d, in_loop))
            elif x < 0.66:
                parts.append(self.for_tag(d, in_loop))
            elif x < 0.72:
                name = self.choice(["y", "z2", "s", "n", "arr", "x"])
                parts.append(self.tag(f"assign {name} = {self.expr()}"))
                self.locals.append(name)
            elif x < 0.76:
                name = self.choice(["c", "y", "s"])
                parts.append(self.tag(f"capture {name}") + self.block(d + 1, in_loop) +
                             self.tag("endcapture") + self.out(name))
                self.locals.append(name)
            elif x < 0.8:
                args = ", ".join(self.atom() for _ in range(r.randrange(1, 4)))
                grp = self.choice(["", "", "'g': ", "n: ", "'g2': "])
                parts.append(self.tag(f"cycle {grp}{args}"))
            elif x < 0.84:
                parts.append(self.tag(f"{self.choice(['increment', 'decrement'])} "
                                      f"{self.choice(['c', 'n', 'cnt', 's', 'y'])}"))
            elif x < 0.86:
                parts.append(self.tag("comment") + self.choice(["x {{ y }}", "{% if %}", "", "{% raw %}"]) +
                             self.tag("endcomment"))
            elif x < 0.88:
                parts.append(self.tag("raw") + self.choice(["{{ a }}", "{% if x %}", " {{- b -}} ", ""]) +
                             "{% endraw %}")
            elif x < 0.92:
                parts.append(self.tag("echo " + self.expr()))
            elif x < 0.95:
                parts.append(self.liquid_tag(d, in_loop))
            elif x < 0.955:
                self.locals.append("t")
                parts.append(self.tag(f"tablerow t in {self.choice(['arr', 'words', 'h', 's', 'nil', '(1..5)', 'products'])}"
                                      + "".join(f" {k}: {self.atom()}" for k in r.sample(['cols', 'limit', 'offset'], r.randrange(0, 3))))
                             + self.block(d + 1, in_loop) + self.tag("endtablerow"))
                self.locals.remove("t")
            elif x < 0.96:
                parts.append(self.tag("ifchanged") + self.block(d + 1, in_loop) + self.tag("endifchanged"))
            elif x < 0.97 and in_loop:
                parts.append(self.tag(self.choice(["break", "continue"])))
            elif x < 0.98:
                parts.append(self.tag("# " + self.choice(["note", "{{ x }}", ""])))
            else:
                parts.append(self.error_bit())
        return "".join(parts)

    def error_bit(self):
        return self.choice([
            "{% nosuchtag %}", "{{ s | nosuchfilter }}", "{{ s | append }}", "{{ s | upcase: 1 }}",
            "{{ s | replace: 'a' }}", "{{ 'a' | slice }}", "{% if %}x{% endif %}", "{{ s | }}",
            "{% assign = 1 %}", "{% for %}{% endfor %}", "{{ s | date }}", "{{ s | truncate: 'x' }}",
            "{{ n | divided_by: 0 }}", "{{ n | modulo: 0 }}", "{{ arr | map }}",
            "{% cycle %}", "{{ 'a' | where }}", "{% else %}", "{% endif %}", "{{ a.b. }}",
            "{{ a[ }}", "{% include 'x' %}", "{% render 'y' %}", "{% liquid echo %}",
            "{{ 1 | times: 'x' }}", "{{ h | sort }}", "{{ arr | sort_natural: 1 }}",
            "{{ s | split }}", "{{ 1 | round: 'a' }}", "{{ s | truncatewords: -1 }}",
        ])

    def if_tag(self, d, in_loop):
        s = self.tag("if " + self.cond()) + self.block(d + 1, in_loop)
        for _ in range(self.r.randrange(0, 3)):
            s += self.tag("elsif " + self.cond()) + self.block(d + 1, in_loop)
        if self.r.random() < 0.5:
            s += self.tag("else") + self.block(d + 1, in_loop)
        return s + self.tag("endif")

    def unless_tag(self, d, in_loop):
        s = self.tag("unless " + self.cond()) + self.block(d + 1, in_loop)
        if self.r.random() < 0.2:
            s += self.tag("elsif " + self.cond()) + self.block(d + 1, in_loop)
        if self.r.random() < 0.4:
            s += self.tag("else") + self.block(d + 1, in_loop)
        return s + self.tag("endunless")

    def case_tag(self, d, in_loop):
        s = self.tag("case " + self.atom()) + self.choice(["", " ", "\n", ""])
        for _ in range(self.r.randrange(0, 4)):
            vals = self.atom()
            for _ in range(self.r.randrange(0, 3)):
                vals += self.choice([", ", " or ", ","]) + self.atom()
            s += self.tag("when " + vals) + self.block(d + 1, in_loop)
        if self.r.random() < 0.5:
            s += self.tag("else") + self.block(d + 1, in_loop)
        return s + self.tag("endcase")

    def for_tag(self, d, in_loop):
        r = self.r
        v = self.choice(["x", "i", "item", "s"])
        coll = self.choice(["arr", "words", "nums", "mix", "products", "h", "s", "n", "nil",
                            "missing", "u.tags", "p.tags", "z", self.rng(), self.rng(), "h.a",
                            "products[0]", "(1..3)"] + self.locals)
        opts = ""
        # strict mode wants `reversed` first; the other order is a (rarer) syntax error
        for o in r.sample(["limit", "offset", "reversed", "none"], r.randrange(0, 3)) \
                if r.random() < 0.1 else ["reversed"] * (r.random() < 0.3) + \
                r.sample(["limit", "offset", "none"], r.randrange(0, 3)):
            if o == "reversed":
                opts += " reversed"
            elif o != "none":
                opts += f" {o}: " + self.choice(["0", "1", "2", "-1", "n", "'2'", "1.5", "nil",
                                                 "arr.size", "continue" if o == "offset" else "3"])
        self.locals.append(v)
        s = self.tag(f"for {v} in {coll}{opts}") + self.out(v) + self.block(d + 1, True)
        if r.random() < 0.3:
            s += self.tag("else") + self.block(d + 1, in_loop)
        self.locals.remove(v)
        return s + self.tag("endfor")

    def liquid_tag(self, d, in_loop):
        r = self.r
        lines = []
        for _ in range(r.randrange(1, 5)):
            x = r.random()
            if x < 0.3:
                lines.append("echo " + self.expr(2))
            elif x < 0.5:
                lines.append(f"assign y = {self.expr(2)}")
                self.locals.append("y")
            elif x < 0.65:
                lines += ["if " + self.cond(), "echo " + self.expr(1), "else", "echo 'e'", "endif"]
            elif x < 0.8:
                lines += [f"for q in {self.choice(['arr', 'words', '(1..3)', 'h', 'products'])}",
                          "echo q", self.choice(["break", "continue", "echo ','", "cycle 'a', 'b'"]),
                          "endfor"]
            elif x < 0.9:
                lines += ["case " + self.atom(), "when " + self.atom() + ", " + self.atom(),
                          "echo 'w'", "endcase"]
            else:
                lines.append("# comment " + self.choice(["", "x"]))
        sep = self.choice(["\n", "\n  ", "\n\n"])
        return "{%" + self.choice(["", "-"]) + " liquid" + sep + sep.join(lines) + "\n" + \
            self.choice(["", "-"]) + "%}"


OPS = ["==", "!=", "<>", "<", ">", "<=", ">=", "contains", "==", "contains"]

FILTERS = ["abs", "append", "at_least", "at_most", "capitalize", "ceil", "compact", "concat",
           "date", "default", "divided_by", "downcase", "escape", "escape_once", "first", "floor",
           "join", "last", "lstrip", "map", "minus", "modulo", "newline_to_br", "plus", "prepend",
           "remove", "remove_first", "remove_last", "replace", "replace_first", "replace_last",
           "reverse", "round", "rstrip", "size", "slice", "sort", "sort_natural", "split", "strip",
           "strip_html", "strip_newlines", "times", "truncate", "truncatewords", "uniq", "upcase",
           "url_decode", "url_encode", "where", "base64_encode", "base64_decode",
           "base64_url_safe_encode", "base64_url_safe_decode", "h"]
FILTER_ARGS = {
    "append": [1], "at_least": [1], "at_most": [1], "compact": [0, 1], "concat": [1],
    "date": [1], "default": [1], "divided_by": [1], "join": [0, 1], "map": [1], "minus": [1],
    "modulo": [1], "plus": [1], "prepend": [1], "remove": [1], "remove_first": [1],
    "remove_last": [1], "replace": [2], "replace_first": [2], "replace_last": [2],
    "round": [0, 1], "slice": [1, 2], "sort": [0, 1], "sort_natural": [0, 1], "split": [1],
    "times": [1], "truncate": [0, 1, 2], "truncatewords": [0, 1, 2], "uniq": [0, 1],
    "where": [1, 2],
}


def make_case(r, i, prefix, mode="mixed"):
    g = Gen(r)
    if mode == "filters":
        # many short filter chains on literals and data: each output is its own probe
        tpl = "|".join("{{ " + g.expr(4) + " }}" for _ in range(r.randrange(4, 12)))
    elif mode == "conditions":
        tpl = "|".join("{% if " + g.cond() + " %}T{% else %}F{% endif %}"
                       for _ in range(r.randrange(4, 12)))
    elif mode == "syntax":
        # token soup inside tags and outputs: what the parsers accept and refuse
        vocab = ["x", "s", "arr", "h", "n", ".", "..", "[", "]", "(", ")", "|", ":", ",", "'a'",
                 '"b"', "'", '"', "1", "-1", "1.5", "-", "==", "<>", "!=", "<", ">=", "contains",
                 "and", "or", "in", "reversed", "limit", "offset", "cols", "upcase", "append",
                 "nil", "empty", "blank", "true", "?", "!", "=", "%", "{", "}", "#", "\n", " ",
                 "\t", "é", "size", "first", "-}", "{-", "%}", "}}", "1..2", "a-b", "_x"]
        tags = ["", "if", "unless", "elsif", "for", "case", "when", "assign", "capture", "cycle",
                "echo", "increment", "liquid", "raw", "comment", "tablerow", "render", "include",
                "#", "else", "break", "end", "endif"]
        parts = []
        for _ in range(r.randrange(1, 4)):
            soup = " ".join(r.choice(vocab) for _ in range(r.randrange(0, 7))) \
                .replace("\\n", "\n").replace("\\t", "\t")
            if r.random() < 0.5:
                parts.append("{{" + r.choice(["", "-"]) + " " + soup + " " + r.choice(["", "-"]) + "}}")
            else:
                t = r.choice(tags)
                parts.append("{%" + r.choice(["", "-"]) + " " + t + " " + soup + " " + r.choice(["", "-"]) + "%}")
                if t in ("if", "unless", "for", "case", "capture", "raw", "comment", "tablerow") and r.random() < 0.7:
                    parts.append("x{% end" + t + " %}")
        tpl = r.choice(["", "a", " "]).join(parts)
    else:
        tpl = g.block(n=r.randrange(1, 5))
    return {"name": f"{prefix}{i}", "template": tpl, "data": rand_data(r)}


# ---------------------------------------------------------------- running

RUBY = r"""
ENV['TZ'] = 'UTC'
require 'json'
require 'liquid'
File.foreach(ARGV[0]) do |line|
  c = JSON.parse(line)
  res = { 'name' => c['name'] }
  begin
    res['output'] = Liquid::Template.parse(c['template'], error_mode: :strict, line_numbers: true).render(c['data'])
  rescue Liquid::Error => e
    res['error'] = e.to_s
  rescue StandardError, SystemStackError => e
    res['crash'] = e.class.to_s + ': ' + e.to_s[0, 200]
  end
  res['output'] = res['output'].dup.force_encoding('BINARY').unpack1('H*') if res['output']
  puts JSON.generate(res)
  $stdout.flush
end
"""


def run_ruby(cases_path):
    """Renders every case with ruby-liquid. A case that kills Ruby (a range of 10^16
    items runs it out of memory) is marked as a crash and the rest are run again."""
    import resource
    with tempfile.NamedTemporaryFile("w", suffix=".rb", delete=False) as fh:
        fh.write(RUBY)
        rb = fh.name
    env = dict(os.environ, TZ="UTC")
    lines = [l for l in open(cases_path, encoding="utf-8") if l.strip()]
    res = {}
    start = 0
    while start < len(lines):
        part = cases_path + ".part"
        with open(part, "w", encoding="utf-8") as fh:
            fh.writelines(lines[start:])

        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
        p = subprocess.run(["ruby", rb, part], capture_output=True, env=env, preexec_fn=limit)
        got = 0
        for line in p.stdout.decode().splitlines():
            o = json.loads(line)
            res[o["name"]] = o
            got += 1
        start += got
        if p.returncode != 0 and start < len(lines):
            name = json.loads(lines[start])["name"]
            res[name] = {"name": name, "crash": "ruby died: " + p.stderr.decode()[-300:]}
            start += 1
    os.unlink(rb)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "cli", "mailwright-cli"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--out", default=None)
    ap.add_argument("--cases", default=None, help="run this cases file instead of generating")
    ap.add_argument("--mode", default="mixed", choices=["mixed", "filters", "conditions", "syntax"],
                    help="mixed templates, or only filter chains, or only conditions")
    args = ap.parse_args()
    out = args.out or tempfile.mkdtemp(prefix="liquidfuzz.")
    os.makedirs(out, exist_ok=True)
    cases_path = os.path.join(out, "cases.jsonl")
    if args.cases:
        cases = [json.loads(l) for l in open(args.cases, encoding="utf-8") if l.strip()]
    else:
        r = random.Random(args.seed)
        cases = [make_case(r, i, f"s{args.seed}{args.mode[0]}_", args.mode)
                 for i in range(args.count)]
    with open(cases_path, "w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    ref = run_ruby(cases_path)
    bad = 0
    stats = {"ok": 0, "error": 0, "crash": 0, "mismatch": 0}
    tpl_path = os.path.join(out, "t.liquid")
    data_path = os.path.join(out, "d.json")
    with open(os.path.join(out, "mismatches.jsonl"), "w", encoding="utf-8") as mm:
        for c in cases:
            rr = ref.get(c["name"])
            if rr is None or "crash" in rr:
                stats["crash"] += 1
                continue
            with open(tpl_path, "w", encoding="utf-8") as fh:
                fh.write(c["template"])
            with open(data_path, "w", encoding="utf-8") as fh:
                json.dump(c["data"], fh, ensure_ascii=False)
            p = subprocess.run([args.cli, "liquid", "--template", tpl_path, "--data", data_path],
                               capture_output=True, timeout=60)
            if "error" in rr:
                stats["error"] += 1
                ok = p.returncode == 2 and p.stderr.startswith(b"error: line ")
                ours = p.stderr.decode(errors="replace") if not ok else ""
                theirs = "ERROR " + rr["error"]
                if ok:
                    continue
                ours = f"exit {p.returncode}: " + p.stdout.decode(errors="replace") + ours
            else:
                expected = bytes.fromhex(rr["output"])
                if p.returncode == 0 and p.stdout == expected:
                    stats["ok"] += 1
                    continue
                theirs = expected.decode(errors="replace")
                ours = f"exit {p.returncode}: " + p.stdout.decode(errors="replace") + \
                    p.stderr.decode(errors="replace")
            stats["mismatch"] += 1
            mm.write(json.dumps({"name": c["name"], "template": c["template"], "data": c["data"],
                                 "ruby": theirs, "ours": ours}, ensure_ascii=False) + "\n")
    print(json.dumps(stats), "->", out)
    import collections
    for k, v in collections.Counter(rr.get("crash", "")[:120] for rr in ref.values()
                                    if "crash" in rr).most_common(8):
        print("  ruby crash x%d: %s" % (v, k))


if __name__ == "__main__":
    main()

// The genogram at a date as JSON: positions, states, households and their outlines.
#include <optional>

#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/genogram_writer.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

void point(JsonWriter& w, Vec2 v) {
    w.begin_array();
    w.value(v.x);
    w.value(v.y);
    w.end_array();
}

void points(JsonWriter& w, const std::vector<Vec2>& list) {
    w.begin_array();
    for (const Vec2& v : list) point(w, v);
    w.end_array();
}

void rect(JsonWriter& w, const Rect& r) {
    w.begin_array();
    w.value(r.x0);
    w.value(r.y0);
    w.value(r.x1);
    w.value(r.y1);
    w.end_array();
}

void date_or_null(JsonWriter& w, std::string_view key, const std::optional<FuzzyDate>& d) {
    w.key(key);
    if (d)
        w.value(format_date(*d));
    else
        w.null();
}

void person_or_null(JsonWriter& w, const Case& c, PersonId p) {
    if (is_none(p))
        w.null();
    else
        w.value(c.person(p).id);
}

}  // namespace

void write_genogram_json(const Case& c, const GenogramLayout& layout, const GenogramAt& at,
                         std::string& out) {
    JsonWriter w(out);
    w.begin_object();
    w.field("sightline", 1);
    w.field("case", c.info.title);
    w.field("at", format_day(at.day));
    w.key("bounds");
    rect(w, layout.bounds);
    w.field("generations", static_cast<std::int64_t>(layout.rows.size()));
    w.field("crossings", layout.crossings);

    w.key("people");
    w.begin_array(true);
    for (std::size_t p = 0; p < layout.people.size(); ++p) {
        const GenogramPerson& gp = layout.people[p];
        const PersonAt& pa = at.people[p];
        const Person& person = c.people[p];
        w.begin_object();
        w.field("id", person.id);
        w.field("name", gp.name);
        w.field("x", gp.centre.x);
        w.field("y", gp.centre.y);
        w.field("size", gp.size);
        w.field("generation", gp.generation);
        w.field("family", gp.family);
        w.field("sex", to_string(person.sex));
        w.field("symbol", to_string(gp.symbol));
        w.field("index_child", gp.index_child);
        date_or_null(w, "born", person.born);
        date_or_null(w, "died", person.died);
        w.field("life", to_string(pa.life));
        w.key("age");
        if (pa.age.empty())
            w.null();
        else
            w.value(pa.age);
        w.field("label", pa.label);
        w.field("dates", gp.dates);
        w.key("household");
        if (pa.household < 0)
            w.null();
        else
            w.value(pa.household);
        w.field("faded", pa.faded);
        w.key("extent");
        rect(w, gp.extent);
        w.end_object();
    }
    w.end_array();

    w.key("unions");
    w.begin_array(true);
    for (const GenogramUnion& u : layout.unions) {
        const UnionAt& ua = at.unions[index_of(u.id)];
        w.begin_object();
        w.field("id", index_of(u.id));
        w.field("kind", to_string(u.kind));
        w.key("partners");
        w.begin_array();
        person_or_null(w, c, u.first);
        person_or_null(w, c, u.second);
        w.end_array();
        w.field("state", to_string(ua.state));
        date_or_null(w, "from", u.from);
        date_or_null(w, "to", u.to);
        w.field("ended", to_string(u.ended));
        w.field("dates", ua.dates);
        w.field("faded", ua.faded);
        w.key("path");
        points(w, u.path);
        w.key("hub");
        point(w, u.hub);
        w.key("mark");
        point(w, u.mark);
        w.key("dates_at");
        point(w, u.dates_at);
        w.key("bar");
        if (u.has_children) {
            w.begin_object();
            w.field("y", u.bar_y);
            w.field("x0", u.bar_x0);
            w.field("x1", u.bar_x1);
            w.field("kind", to_string(u.trunk));
            w.end_object();
        } else {
            w.null();
        }
        w.key("children");
        w.begin_array();
        for (const GenogramChild& ch : layout.children) {
            if (ch.from != u.id) continue;
            w.begin_object();
            w.field("id", c.person(ch.child).id);
            w.field("kind", to_string(ch.kind));
            w.field("primary", ch.primary);
            w.field("implied", ch.implied);
            w.key("path");
            points(w, ch.path);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();

    w.key("households");
    w.begin_array(true);
    for (const HouseholdAt& h : at.households) {
        w.begin_object();
        w.field("area", c.area_name(h.household.area));
        w.field("address", h.household.address);
        w.key("members");
        w.begin_array();
        for (const PersonId m : h.household.members) w.value(c.person(m).id);
        w.end_array();
        w.field("focus", h.focus);
        w.field("number", h.number);
        w.field("label", h.label);
        w.field("tab_text", h.tab_text);
        w.key("badge_at");
        point(w, h.badge_at);
        w.key("label_at");
        point(w, h.label_at);
        w.key("outline");
        w.begin_array();
        for (const Rect& r : h.outline.rects) rect(w, r);
        w.end_array();
        w.field("tab", h.outline.tab);
        w.end_object();
    }
    w.end_array();

    w.key("diagnostics");
    write_diagnostics_json(layout.diagnostics, w);
    w.end_object();
    out.push_back('\n');
}

}  // namespace sightline::formats

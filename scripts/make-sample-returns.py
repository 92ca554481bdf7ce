#!/usr/bin/env python3
"""Writes the sample case's Word returns from its native chronologies.

Three agencies of samples/child-r return their chronology as agencies do: in a partnership's Word
template, filled in by hand. Each return here is made from the agency's native YAML file (kept
beside it, not listed in case.yaml) so that a test can check that both read as the same dated
chronology; the Word file adds what a person filling in a template adds (rows they could not
date, dates and times written their way, a header repeated on each page) and leaves out what the
template has no column for (the entry type above all).

  police.docx                ChronoLator-style "Internal Chronology" (Event Ref, Start Date,
                             Start Time, Source of Information, Details, ...)
  lowbridge-housing.docx     Care Inspectorate / Tayside "Chronology of Significant Events"
                             (Date or Period of Event, Significant Event, Source, Impact, Action Taken)
  st-aldrics-primary.docx    a child protection conference agency report with its chronology
                             (What happened?, Child seen and spoken to?, Information shared with,
                             Action Taken / Outcome, RAG)

Needs python3-docx and python3-yaml (Debian: scripts/install-deps.sh docs). The files it writes
are committed; run it again after changing the native files:

  scripts/make-sample-returns.py [samples/child-r]
"""
import copy
import datetime as dt
import os
import sys

import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

CASE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "samples", "child-r")
AGENCIES = os.path.join(CASE, "agencies")
# Word's own typographic quotes, as autocorrect types them.
LQ, RQ, APOS = "\u201c", "\u201d", "\u2019"


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)  # every value a string, as written


PEOPLE = {p["id"]: p["name"] for p in load(os.path.join(CASE, "case.yaml"))["people"]}


def name_of(subject):
    return PEOPLE.get(subject, subject)


def smart(text):
    """Straight quotes as Word's autocorrect would have typed them."""
    out, open_double = [], True
    for i, ch in enumerate(text):
        if ch == '"':
            out.append(LQ if open_double else RQ)
            open_double = not open_double
        elif ch == "'":
            before = text[i - 1] if i > 0 else " "
            out.append("\u2018" if before in " (" else APOS)
        else:
            out.append(ch)
    return "".join(out)


# [SECTION] Dates and times as people write them

def ordinal(n):
    return str(n) + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def day_as_written(day, style):
    """One calendar day in one of the ways people write it; all read as the same day."""
    d = dt.date.fromisoformat(day)
    forms = [
        d.strftime("%d/%m/%Y"),                                               # 24/06/2015
        d.strftime("%a ") + ordinal(d.day) + d.strftime(" %B %Y"),           # Wed 24th June 2015
        d.strftime("%d.%m.%Y"),                                               # 24.06.2015
        str(d.day) + d.strftime(" %B %Y"),                                    # 24 June 2015
        ordinal(d.day) + d.strftime(" %b %Y"),                                # 24th Jun 2015
        d.strftime("%a, %d/%m/%Y"),                                           # Wed, 24/06/2015
    ]
    return forms[style % len(forms)]


def time_as_written(hhmm, style):
    h, m = int(hhmm[:2]), int(hhmm[3:])
    twelve = (h % 12) or 12
    half = "am" if h < 12 else "pm"
    forms = [
        f"{h:02d}{m:02d}hrs",                                                 # 2210hrs
        f"{twelve}.{m:02d}{half}",                                            # 10.10pm
        f"{h:02d}:{m:02d}",                                                   # 22:10
        f"{twelve}:{m:02d} {half}",                                           # 10:10 pm
    ]
    return forms[style % len(forms)]


def date_as_written(native, style):
    """(date cell, time cell) for a native date."""
    if native.startswith("before "):
        d = dt.date.fromisoformat(native[7:] + "-01")
        return "before " + d.strftime("%b %Y"), ""
    if "/" in native:
        first, last = native.split("/")
        a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        assert b - a == dt.timedelta(days=6), native  # a week from its first day
        return "w/c " + a.strftime("%d/%m/%Y"), ""
    if " " in native:
        day, time = native.split(" ")
        return day_as_written(day, style), time_as_written(time, style)
    return day_as_written(native, style), ""


# [SECTION] Word documents

def landscape(doc):
    s = doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = s.page_height, s.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, side, Cm(1.5))
    doc.styles["Normal"].font.size = Pt(9)


def repeat_as_header(row):
    """Word's "Repeat as header row at the top of each page"."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def table(doc, header, rows, widths=None):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    repeat_as_header(t.rows[0])
    for values in rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, values):
            cell.text = text
    if widths:
        t.autofit = False
        for column, w in zip(t.columns, widths):
            column.width = Cm(w)  # the table's grid, which LibreOffice follows
        for row in t.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = Cm(w)  # each cell's width, which Word follows
    return t


def details(doc, pairs):
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in pairs:
        cells = t.add_row().cells
        cells[0].text, cells[1].text = k, v
        cells[0].paragraphs[0].runs[0].bold = True
    doc.add_paragraph()


def track_change(cell, kept_before, deleted, inserted, kept_after=""):
    """Rewrites a cell's text as a tracked change: `deleted` struck out, `inserted` added."""
    p = cell.paragraphs[0]
    for r in list(p.runs):
        r._r.getparent().remove(r._r)

    def run(text, tag="w:t"):
        r = OxmlElement("w:r")
        t = OxmlElement(tag)
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        return r

    p._p.append(run(kept_before))
    d = OxmlElement("w:del")
    d.set(qn("w:id"), "1"), d.set(qn("w:author"), "PPU2"), d.set(qn("w:date"), "2016-02-10T09:00:00Z")
    d.append(run(deleted, "w:delText"))
    p._p.append(d)
    i = OxmlElement("w:ins")
    i.set(qn("w:id"), "2"), i.set(qn("w:author"), "PPU2"), i.set(qn("w:date"), "2016-02-10T09:00:00Z")
    i.append(run(inserted))
    p._p.append(i)
    if kept_after:
        p._p.append(run(kept_after))


def seen_word(value, alone="Yes - seen alone"):
    return {"seen": "Yes", "seen_alone": alone, "not_seen": "No", "not_recorded": ""}.get(value, "")


# [SECTION] Southvale Police: an internal chronology

def police():
    native = load(os.path.join(AGENCIES, "police.yaml"))
    doc = Document()
    landscape(doc)
    doc.add_heading("INTERNAL CHRONOLOGY", level=1)
    details(doc, [("Agency", "Southvale Police"), ("Child(ren)", "Riley (03/10/2014), Skye (20/03/2010)"),
                  ("Completed by", "DS 4471, Public Protection Unit"), ("Date completed", "12/02/2016")])
    sources = {"police_incident": "CAD / Niche", "notification": "PPU", "arrest": "Custody record", "other": "Intelligence"}
    rows, tracked = [], None
    for i, e in enumerate(native["entries"]):
        date, time = date_as_written(e["date"], i)
        subjects = "; ".join(name_of(s) for s in e.get("subjects", []))
        area = e.get("area", "")
        rows.append([e.get("ref", ""), date, time, sources.get(e["type"], "Niche"), smart(e["summary"]), subjects,
                     seen_word(e.get("child_seen", "")), area, e.get("practitioner", ""), "; ".join(e.get("to", []))])
        if e.get("ref") == "CCN 15/9012":
            tracked = len(rows)  # the misrouted notification: where it went, corrected with changes tracked
        if i == 6:
            # The header again, as it came when the table was pasted from the system's report.
            rows.append(None)
    rows.insert(3, ["INT 15/0091", "Not known", "", "Intelligence",
                    "Intelligence report: Lee T said to be using the name " + LQ + "Lee Tate" + RQ +
                    " in Lowbridge. Date of the original report not recorded on the migrated system.",
                    "Lee T", "", "Lowbridge", "INT2", ""])
    header = ["Event Ref", "Start Date", "Start Time", "Source of Information", "Details", "People involved",
              "Child seen?", "Borough", "Officer", "Information shared with"]
    t = table(doc, header, [r if r else header for r in rows], [2.0, 2.2, 1.3, 1.8, 8.0, 2.6, 1.3, 1.8, 1.3, 2.6])
    if tracked is not None:
        row = t.rows[tracked + 1 if tracked >= 3 else tracked]  # rows after the undated one moved down
        summary = row.cells[4].text
        cut = summary.index("Sent to ")
        track_change(row.cells[4], summary[:cut], "Sent to Lowbridge CSC.", "Sent to", summary[cut + len("Sent to"):])
    doc.save(os.path.join(AGENCIES, "police.docx"))


# [SECTION] Lowbridge Housing: a chronology of significant events

def housing():
    native = load(os.path.join(AGENCIES, "lowbridge-housing.yaml"))
    doc = Document()
    landscape(doc)
    doc.add_heading("Chronology of Significant Events", level=1)
    doc.add_paragraph("Please record significant events in date order. If a date is not known, say so.")
    details(doc, [("Name of child(ren)", "Riley; Skye"), ("Agency", "Lowbridge Housing"),
                  ("Completed by", "Housing Officer (HO2)"), ("Period covered", "September 2013 to January 2016")])
    actions = {"LH/ASB/15-0277": "Warning letter sent to joint tenants; no referral to CSC",
               "LH/INF/16-0012": "Tenancy and complaint shared with Lowbridge CSC"}
    impacts = {"LH/ASB/15-0277": "Possible risk to children in the household not considered at the time"}
    rows = []
    for i, e in enumerate(native["entries"]):
        date, _ = date_as_written(e["date"], i + 1)
        rows.append([date, smart(e["summary"]), "Tenancy file " + e.get("ref", ""), impacts.get(e.get("ref"), ""),
                     actions.get(e.get("ref"), "")])
    rows.append(["Unknown", "Pat (maternal grandmother) phoned to ask whether the children could be added to her "
                 "housing register application. Note on file is undated.", "Tenancy file (loose note)", "", "None recorded"])
    table(doc, ["Date or Period of Event", "Significant Event", "Source", "Impact", "Action Taken"], rows,
          [3.2, 11, 3.5, 4, 4])
    doc.save(os.path.join(AGENCIES, "lowbridge-housing.docx"))


# [SECTION] St Aldric's Primary: an agency report to a child protection conference

def school():
    native = load(os.path.join(AGENCIES, "st-aldrics-primary.yaml"))
    doc = Document()
    landscape(doc)
    doc.add_heading("Child Protection Conference " + "\u2013" + " Agency Report", level=1)
    details(doc, [("Child" + APOS + "s name", "Skye"), ("Date of birth", "20/03/2010"),
                  ("School", "St Aldric" + APOS + "s Primary, Eastmere"), ("Designated Safeguarding Lead", "DSL1")])
    doc.add_heading("Section 3: Chronology of significant events", level=2)
    rag = {"SAP-CP-07": "Amber", "SAP-CP-11": "Red", "SAP-CP-12": "Amber"}
    outcome = {"SAP-CP-07": "Logged; to monitor", "SAP-CP-08": "School to monitor attendance",
               "SAP-CP-11": "Referral emailed to Eastmere CSC", "SAP-CP-12": "CTF held"}
    rows = []
    for i, e in enumerate(native["entries"]):
        date, _ = date_as_written(e["date"], i + 2)
        seen = e.get("child_seen", {}).get("child-s", "") if isinstance(e.get("child_seen"), dict) else ""
        rows.append([date, smart(e["summary"]), seen_word(seen, "Yes " + "\u2013" + " seen alone") or "N/A",
                     "; ".join(x.replace("'", APOS) for x in e.get("to", [])), outcome.get(e.get("ref"), ""),
                     rag.get(e.get("ref"), "Green")])
    rows.insert(2, ["Not known", "Skye told a lunchtime supervisor that " + LQ + "Lee shouts at mummy and Riley cries" + RQ +
                    ". Not logged at the time; recalled by the supervisor when asked for this report.",
                    "Yes", "", "Recorded for this report", "Amber"])
    table(doc, ["Date", "What happened?", "Child seen and spoken to?", "Information shared with",
                "Action Taken / Outcome", "RAG"], rows, [3, 11, 3, 4, 4, 1.5])
    doc.save(os.path.join(AGENCIES, "st-aldrics-primary.docx"))


if __name__ == "__main__":
    police()
    housing()
    school()
    print("wrote police.docx, lowbridge-housing.docx and st-aldrics-primary.docx in " + os.path.normpath(AGENCIES))

"""Knowledge products (with generated PDF files) and training modules."""

import datetime

from demo import documents
from demo.loading import media
from demo.loading.blocks import body, files, lessons, objectives
from demo.loading.pages import upsert_page
from knowledge.models import KnowledgeProductPage, TrainingModulePage

KIND_COLOURS = {
    "research_report": "#1F4E79",
    "guide": "#205E3B",
    "toolkit": "#7B2D26",
    "policy_brief": "#5B3A87",
    "case_study_collection": "#8A4B08",
    "video": "#0E5C63",
    "dataset": "#6B2F52",
}


def product_files(product, collection):
    """The files of a product (data for `blocks.files`): one generated PDF each, labelled."""
    entries = []
    for file in product["files"]:
        document = media.document(
            collection,
            f"{product['title']}: {file['label']}",
            f"{product['slug']}-{file['language']}.pdf",
            lambda file=file: documents.knowledge_pdf(
                product["title"],
                file["label"],
                product["summary"],
                product.get("publisher") or "Open Cities Partnership",
                KIND_COLOURS.get(product["kind"], "#1F4E79"),
            ),
        )
        entries.append({"document": document, "language": file["language"], "label": file["label"]})
    return entries


def load_knowledge(data, index, members, stories, terms, collection):
    """Every knowledge product; returns ({slug: page}, changed translation keys)."""
    pages, changed = {}, set()
    for product in data.knowledge:
        key = f"knowledge/{product['slug']}"
        values = {
            "title": product["title"],
            "kind": product["kind"],
            "authors": product.get("authors") or "",
            "publisher": product.get("publisher") or "Open Cities Partnership",
            "publication_date": datetime.date.fromisoformat(product["publication_date"]),
            "summary": product["summary"],
            "body": body(f"{key}/body", product["body"]),
            "files": files(f"{key}/files", product_files(product, collection)),
            "external_url": product.get("external_url") or "",
            "policy_areas": [terms["policy_areas"][slug] for slug in product["policy_areas"]],
            "sdgs": [terms["sdgs"][number] for number in product["sdgs"]],
            "related_members": [members[name] for name in product["related_members"]],
            "related_stories": [stories[slug] for slug in product["related_stories"]],
            "licence": product.get("licence") or "CC BY 4.0",
        }
        page, page_changed = upsert_page(index, KnowledgeProductPage, product["slug"], values)
        pages[product["slug"]] = page
        if page_changed:
            changed.add(page.translation_key)
    return pages, changed


def in_prerequisite_order(modules):
    """Modules ordered so that each comes after its prerequisites."""
    by_slug = {module["slug"]: module for module in modules}
    ordered, seen = [], set()

    def visit(module):
        if module["slug"] in seen:
            return
        seen.add(module["slug"])
        for slug in module["prerequisites"]:
            visit(by_slug[slug])
        ordered.append(module)

    for module in modules:
        visit(module)
    return ordered


def load_training(data, index, products):
    """Every training module; returns ({slug: page}, changed translation keys)."""
    pages, changed = {}, set()
    for module in in_prerequisite_order(data.training):
        key = f"training/{module['slug']}"
        values = {
            "title": module["title"],
            "audience": module["audience"],
            "level": module["level"],
            "estimated_minutes": module["estimated_minutes"],
            "track_order": module["order"],
            "summary": module["summary"],
            "learning_objectives": objectives(f"{key}/objectives", module["learning_objectives"]),
            "lessons": lessons(key, module["lessons"]),
            "related_knowledge": [products[slug] for slug in module["related_knowledge"]],
            "prerequisites": [pages[slug] for slug in module["prerequisites"]],
        }
        page, page_changed = upsert_page(index, TrainingModulePage, module["slug"], values)
        pages[module["slug"]] = page
        if page_changed:
            changed.add(page.translation_key)
    return pages, changed

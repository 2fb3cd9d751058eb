"""Models of the knowledge app: knowledge products and training modules."""

from knowledge.models.products import KnowledgeIndexPage, KnowledgeKind, KnowledgeProductPage
from knowledge.models.training import Audience, Level, TrainingIndexPage, TrainingModulePage

__all__ = [
    "Audience",
    "KnowledgeIndexPage",
    "KnowledgeKind",
    "KnowledgeProductPage",
    "Level",
    "TrainingIndexPage",
    "TrainingModulePage",
]

"""Models of the stories app: member directory and reform stories."""

from stories.models.commitments import ActionPlan, Commitment, CommitmentStatus
from stories.models.explorer import CommitmentIndexPage
from stories.models.members import MemberIndexPage, MemberKind, MemberProfilePage
from stories.models.reforms import ReformStoryPage, StoryIndexPage

__all__ = [
    "ActionPlan",
    "Commitment",
    "CommitmentIndexPage",
    "CommitmentStatus",
    "MemberIndexPage",
    "MemberKind",
    "MemberProfilePage",
    "ReformStoryPage",
    "StoryIndexPage",
]

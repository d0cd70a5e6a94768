from .pages import (
    Category,
    PriceTier,
    TourGalleryImage,
    TourIndexPage,
    TourPage,
    VillageGalleryImage,
    VillagePage,
)

__all__ = [
    "Category",
    "PriceTier",
    "TourGalleryImage",
    "TourIndexPage",
    "TourPage",
    "VillageGalleryImage",
    "VillagePage",
]

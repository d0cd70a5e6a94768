"""StreamField blocks shared by the site's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HighlightBlock(blocks.StructBlock):
    ICONS = [
        ("heritage", _("Heritage")),
        ("culture", _("Culture")),
        ("food", _("Food")),
        ("nature", _("Nature")),
        ("education", _("Learning")),
        ("farm", _("Farming")),
        ("fish", _("Fish")),
        ("craft", _("Craft")),
        ("family", _("Family")),
        ("community", _("Community")),
    ]
    icon = blocks.ChoiceBlock(choices=ICONS, label=_("Icon"))
    title = blocks.CharBlock(max_length=60, label=_("Title"))
    text = blocks.TextBlock(max_length=240, label=_("Text"))

    class Meta:
        icon = "pick"
        label = _("Highlight")
        template = "blocks/highlight_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=200, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=120, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class StoryBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        template="blocks/heading_block.html",
        label=_("Heading"),
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("Paragraph")
    )
    figure = FigureBlock()
    quote = QuoteBlock()

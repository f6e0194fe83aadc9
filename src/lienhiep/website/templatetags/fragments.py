"""``{% fragment scope name vary… %}…{% endfragment %}``: a part of a page kept in the shared cache
under the versions ``website.caching`` keeps (``caching.fragment``), emptied with the pages."""

from django import template
from django.utils.safestring import mark_safe

from ..caching import fragment as kept_fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, scope, name, vary):
        self.nodelist, self.scope, self.name, self.vary = nodelist, scope, name, vary

    def render(self, context):
        vary = [value.resolve(context) for value in self.vary]
        return mark_safe(
            kept_fragment(
                getattr(context, "request", None),
                self.scope.resolve(context),
                self.name.resolve(context),
                vary,
                lambda: str(self.nodelist.render(context)),
            )
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("{% fragment scope name [vary …] %}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    scope, name, *vary = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(nodelist, scope, name, vary)

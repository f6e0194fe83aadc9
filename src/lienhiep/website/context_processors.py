def menu_items(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = site.root_page.get_children().live().in_menu()
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]


def site_menu(request):
    """The pages under the site's home page that are shown in menus, kept in the shared cache.

    The menu changes only when a page right under the home page is published, unpublished or
    moved; each of those empties the whole site's cache, the menu with it (``website.caching``).
    """
    from .caching import kept

    def menu():
        return kept(f"website:menu:{request.get_host()}", lambda: menu_items(request), request)

    return {"site_menu": menu}

def site_menu(request):
    """The pages under the site's home page that are shown in menus."""
    from wagtail.models import Site

    def menu():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return list(site.root_page.get_children().live().in_menu().specific())

    return {"site_menu": menu}

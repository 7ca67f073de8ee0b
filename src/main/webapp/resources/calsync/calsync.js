/* CalSync's few page scripts; PrimeFaces calls them by name. */
var CalSync = CalSync || {};

/**
 * p:schedule extender for the portal: events that overlap sit side by side rather than over each other, and on a
 * phone the calendar opens on the week's agenda, with a toolbar that fits.
 */
CalSync.portalCalendar = function () {
    this.cfg.options.slotEventOverlap = false;
    if (window.matchMedia('(max-width: 640px)').matches) {
        this.cfg.options.initialView = 'listWeek';
        this.cfg.options.headerToolbar = {left: 'title', right: 'prev,next'};
        this.cfg.options.footerToolbar = {left: 'today', right: 'timeGridDay,listWeek'};
    }
};

/**
 * The header folds its menu behind a button when the menu would not fit on the header's line: measured, since
 * how wide the menu is depends on the language and on the person's role.
 */
CalSync.fitHeader = function () {
    var header = document.getElementById('header');
    var menu = header && header.querySelector('.cs-nav > .ui-menu-list');
    if (!menu) {
        return;
    }
    // The menu's list stretches to the room it is given, so its items are what is measured.
    var width = function (parts) {
        return Array.prototype.reduce.call(parts, function (sum, part) { return sum + part.offsetWidth; }, 0);
    };
    var fits = function () {
        var used = width([header.querySelector('.cs-brand'), header.querySelector('.cs-header-end'), header.querySelector('.cs-lang')]);
        // Room for the gaps and paddings between the parts, with a little to spare.
        return used + width(menu.children) + 120 <= header.clientWidth;
    };
    // First the person's name gives way, then the menu folds.
    header.classList.remove('cs-compact', 'cs-no-user');
    if (!fits()) {
        header.classList.add('cs-no-user');
        header.classList.toggle('cs-compact', !fits());
    }
};
// Measured again whenever the header's width changes: a resized window, or a scrollbar that appears as the page fills.
document.addEventListener('DOMContentLoaded', function () {
    var header = document.getElementById('header');
    if (header && window.ResizeObserver) {
        var width = 0;
        new ResizeObserver(function (entries) {
            var now = Math.round(entries[0].contentRect.width);
            if (now !== width) {
                width = now;
                CalSync.fitHeader();
            }
        }).observe(header);
    } else {
        CalSync.fitHeader();
        window.addEventListener('resize', CalSync.fitHeader);
    }
});

/**
 * Copies the text of the element with this id: the clipboard API where the page is served securely, else a
 * selection and the older copy command, which plain-http installations still allow. The button says it worked.
 */
CalSync.copy = function (id, button) {
    var text = document.getElementById(id).textContent.trim();
    var said = function () {
        var label = button.lastChild;
        var before = label.textContent;
        label.textContent = ' ' + button.getAttribute('data-done');
        setTimeout(function () { label.textContent = before; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(said);
        return;
    }
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    if (document.execCommand('copy')) {
        said();
    }
    document.body.removeChild(area);
};

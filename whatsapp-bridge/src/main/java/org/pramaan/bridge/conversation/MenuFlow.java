package org.pramaan.bridge.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pramaan.bridge.catalog.Catalog;
import org.pramaan.bridge.catalog.Catalog.Department;
import org.pramaan.bridge.catalog.Catalog.Service;
import org.pramaan.bridge.issuer.CatalogClient;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.outbound.Replies;
import org.pramaan.bridge.outbound.Replies.Button;
import org.pramaan.bridge.outbound.Replies.Row;
import org.pramaan.bridge.outbound.Replies.Section;
import org.pramaan.bridge.search.ServiceSearch;
import org.pramaan.bridge.search.ServiceSearches;
import org.springframework.stereotype.Component;

/** Menus: language, main menu, departments and services from the catalog (paged), service search. */
@Component
public class MenuFlow {

    private final CatalogClient catalogs;
    private final ServiceSearches searches;

    public MenuFlow(CatalogClient catalogs, ServiceSearches searches) {
        this.catalogs = catalogs;
        this.searches = searches;
    }

    public void languageChoice(Chat chat) {
        chat.conversation().reset(Step.LANGUAGE);
        // A stranger is greeted in all three languages: we cannot know which one they read.
        String body = chat.citizen().chosenLanguage().isPresent() ? chat.t("lang.choose")
                : chat.t(Language.TE, "lang.welcome") + "\n" + chat.t(Language.HI, "lang.welcome") + "\n"
                        + chat.t(Language.EN, "lang.welcome") + "\n\n" + chat.t(Language.EN, "lang.prompt");
        chat.send(Replies.buttons(body, List.of(new Button("lang:te", "తెలుగు"),
                new Button("lang:en", "English"), new Button("lang:hi", "हिंदी"))));
    }

    public void mainMenu(Chat chat) {
        chat.conversation().reset(Step.MENU);
        List<Row> rows = new ArrayList<>();
        for (String item : List.of("apply", "track", "certs", "verify", "help", "language")) {
            rows.add(new Row("menu:" + item, chat.t("menu." + item), chat.t("menu." + item + ".desc")));
        }
        chat.send(Replies.list(chat.t("menu.body"), chat.t("menu.button"), null,
                List.of(new Section(null, rows))));
    }

    public void departments(Chat chat, int page) {
        Language l = chat.language();
        List<Department> departments = catalogs.catalog().departments().stream()
                .filter(d -> !d.services().isEmpty()).toList();
        chat.send(Replies.list(chat.t("departments.body"), chat.t("departments.button"), null,
                List.of(new Section(null, page(chat, departments, page, d -> new Row("dept:" + d.code(),
                        Replies.fit(d.names().in(l), Replies.ROW_TITLE_MAX),
                        Replies.fit(descriptionOf(chat, d), Replies.ROW_DESCRIPTION_MAX)), "depts:")))));
    }

    public void services(Chat chat, String departmentCode, int page) {
        Language l = chat.language();
        Catalog catalog = catalogs.catalog();
        Department department = catalog.department(departmentCode).orElse(null);
        if (department == null) {
            departments(chat, 0);
            return;
        }
        chat.send(Replies.list(Replies.fit(chat.t("services.body", department.names().in(l)),
                        Replies.INTERACTIVE_BODY_MAX), chat.t("services.button"), null,
                List.of(new Section(null, page(chat, department.services(), page, s -> serviceRow(s, l),
                        "svcs:" + department.code() + ":")))));
    }

    public void serviceIntro(Chat chat, String serviceCode) {
        Language l = chat.language();
        Service s = catalogs.catalog().service(serviceCode).orElse(null);
        if (s == null) {
            chat.say("service.unavailable");
            return;
        }
        if (s.information() != null && !s.canApply()) {
            StringBuilder text = new StringBuilder(chat.t("service.information", s.names().in(l),
                    s.information().text() == null ? s.descriptions().in(l) : s.information().text().in(l)));
            if (s.information().link() != null) {
                text.append("\n\n").append(chat.t("service.link", s.information().link()));
            }
            chat.send(Replies.text(Replies.fit(text.toString(), Replies.TEXT_MAX)));
            return;
        }
        if (!s.canApply()) {
            chat.say("service.unavailable");
            return;
        }
        List<String> documents = s.certificate().documents().stream().map(d -> d.labels().in(l)).toList();
        String body = chat.t("service.intro", s.names().in(l), s.descriptions() == null ? "" : s.descriptions().in(l),
                documents.isEmpty() ? chat.t("service.documents.none") : String.join(", ", documents),
                String.valueOf(s.certificate().serviceLevelDays() == null ? 7 : s.certificate().serviceLevelDays()));
        chat.send(Replies.buttons(Replies.fit(body, Replies.INTERACTIVE_BODY_MAX), List.of(
                new Button("start:" + s.code(), chat.t("service.start")), new Button("menu", chat.t("service.back")))));
    }

    /** Free text that is not a command: go straight to a clear winner, else offer the best three. */
    public void search(Chat chat, String text) {
        ServiceSearch.Result result = searches.current().search(text, 3);
        if (result.empty()) {
            chat.say("search.none", Replies.fit(text, 60));
            return;
        }
        if (result.confident()) {
            serviceIntro(chat, result.services().get(0).code());
            return;
        }
        List<Row> rows = result.services().stream().map(s -> serviceRow(s, chat.language())).toList();
        chat.send(Replies.list(chat.t("search.choose"), chat.t("search.button"), null, List.of(new Section(null, rows))));
    }

    public String serviceName(String serviceCode, Language language) {
        return catalogs.catalog().service(serviceCode).map(s -> s.names().in(language)).orElse(serviceCode);
    }

    /** The full name when the row title had to be shortened, else how many services it offers. */
    private static String descriptionOf(Chat chat, Department d) {
        String name = d.names().in(chat.language());
        String count = chat.t("departments.count", String.valueOf(d.services().size()));
        return name.length() > Replies.ROW_TITLE_MAX ? name + " · " + count : count;
    }

    /**
     * A service's row: a name longer than a row title (24 characters) is cut there, so the description starts with the
     * whole name (the catalog keeps names to 60 characters, a description may have 72) and the service's own
     * description follows as far as it fits.
     */
    static Row serviceRow(Service s, Language l) {
        String name = s.names().in(l);
        String description = s.descriptions() == null ? null : s.descriptions().in(l);
        if (name.strip().length() > Replies.ROW_TITLE_MAX) {
            description = description == null || description.isBlank() ? name : name + " · " + description;
        } else if (description == null || description.isBlank()) {
            description = name;
        }
        return new Row("svc:" + s.code(), Replies.fit(name, Replies.ROW_TITLE_MAX),
                Replies.fit(description, Replies.ROW_DESCRIPTION_MAX));
    }

    /** One page of at most 10 rows; when more remain, 9 items and a "More" row pointing at the next page. */
    private static <T> List<Row> page(Chat chat, List<T> items, int page, Function<T, Row> row, String morePrefix) {
        int perPage = Replies.ROWS_MAX - 1;
        int from = Math.max(0, page) * perPage;
        if (from >= items.size()) {
            from = 0;
            page = 0;
        }
        List<Row> rows = new ArrayList<>();
        if (items.size() - from <= Replies.ROWS_MAX && from == 0) {
            items.forEach(i -> rows.add(row.apply(i)));
            return rows;
        }
        int to = Math.min(items.size(), from + perPage);
        items.subList(from, to).forEach(i -> rows.add(row.apply(i)));
        if (to < items.size()) {
            rows.add(new Row(morePrefix + (page + 1), chat.t("list.more"), chat.t("list.more.desc")));
        }
        return rows;
    }
}

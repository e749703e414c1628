package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each screen of the stubbed Facebook dialog shows, as the parameters its page in fixtures/facebook/__files is
 * rendered with ({@code dr} is the dialog request every form posts back). What the user's choices do is
 * {@link FacebookDialog}'s.
 */
final class FacebookDialogScreens {
  private FacebookDialogScreens() {}

  /** "Continue as NAME", with "Edit Settings": what the app asks for, and a returning user's greeting. */
  static ResponseDefinition continueAs(ResponseDefinitionBuilder out, String dr, RegisteredApp app, FacebookPersona persona,
                                       boolean returning, boolean rerequest, List<String> scopes) {
    return out.withBodyFile("continue.html")
        .withTransformerParameter("dr", dr)
        .withTransformerParameter("appName", app.name())
        .withTransformerParameter("name", persona.name())
        .withTransformerParameter("returning", returning)
        .withTransformerParameter("rerequest", rerequest)
        .withTransformerParameter("asked", scopes.stream().map(FacebookDialog.PERMISSIONS::label).toList())
        .build();
  }

  /** The Instagram accounts connected to the user's Pages, Business and Creator apart. */
  static ResponseDefinition instagramAccounts(ResponseDefinitionBuilder out, String dr, RegisteredApp app, FacebookPersona persona) {
    List<Map<String, Object>> business = new ArrayList<>();
    List<Map<String, Object>> creator = new ArrayList<>();
    for (FacebookPersona.Page page : persona.pages()) {
      if (page.instagram() == null) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", page.instagram().id());
      row.put("username", page.instagram().username());
      row.put("page", page.name());
      ("Business".equalsIgnoreCase(page.instagram().accountType()) ? business : creator).add(row);
    }
    return out.withBodyFile("instagram-accounts.html")
        .withTransformerParameter("dr", dr)
        .withTransformerParameter("appName", app.name())
        .withTransformerParameter("business", business)
        .withTransformerParameter("creator", creator)
        .withTransformerParameter("none", business.isEmpty() && creator.isEmpty())
        .build();
  }

  /** The Facebook Pages the user has a role on. */
  static ResponseDefinition pages(ResponseDefinitionBuilder out, String dr, RegisteredApp app, FacebookPersona persona) {
    List<Map<String, Object>> pages = new ArrayList<>();
    for (FacebookPersona.Page page : persona.pages()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", page.id());
      row.put("name", page.name());
      row.put("category", page.category());
      pages.add(row);
    }
    return out.withBodyFile("pages.html")
        .withTransformerParameter("dr", dr)
        .withTransformerParameter("appName", app.name())
        .withTransformerParameter("pages", pages)
        .withTransformerParameter("none", pages.isEmpty())
        .build();
  }

  /** Yes or No for each permission asked for, in Meta's words. */
  static ResponseDefinition permissions(ResponseDefinitionBuilder out, String dr, RegisteredApp app, List<String> scopes) {
    return out.withBodyFile("permissions.html")
        .withTransformerParameter("dr", dr)
        .withTransformerParameter("appName", app.name())
        .withTransformerParameter("permissions", FacebookDialog.PERMISSIONS.rows(scopes, null))
        .build();
  }
}

package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * The stubbed Facebook (Facebook Login for the Instagram API): the WireMock extension that the mappings in
 * fixtures/facebook/mappings name, handing each step to the part that plays it: the dialog's screens, Graph, and
 * publishing. The screens in __files are rendered by WireMock's templating with the parameters those parts add.
 */
public final class StubbedFacebook extends ProviderSteps {
  public static final String NAME = "facebook-oauth";

  private final FacebookDialog dialog;
  private final FacebookGraph graph;
  private final PublishingEndpoints publishing;

  public StubbedFacebook(FacebookPersonaBook personas) {
    super(NAME, "stubbed Facebook");
    GrantStore<FacebookGrant> grants = new GrantStore<>();
    this.dialog = new FacebookDialog(apps, personas, grants);
    this.graph = new FacebookGraph(apps, grants);
    this.publishing = new PublishingEndpoints(graph::publisher);
  }

  @Override
  protected ResponseDefinition step(String step, Request request, ResponseDefinitionBuilder out, Parameters parameters) {
    ProviderRequest in = new ProviderRequest(request);
    return switch (step) {
      case "dialog" -> dialog.dialog(in, out);
      case "login" -> dialog.login(in, out);
      case "continue" -> dialog.continueAs(in, out);
      case "instagram-accounts" -> dialog.instagramAccounts(in, out);
      case "pages" -> dialog.pages(in, out);
      case "permissions" -> dialog.permissions(in, out);
      case "token" -> graph.token(in, out);
      case "me-accounts" -> graph.meAccounts(in, out);
      case "me-permissions" -> graph.mePermissions(in, out);
      case "node" -> graph.node(in, out);
      case "media", "media-publish" -> publishing.transform(step, in, out);
      default -> null;
    };
  }

  /** The Facebook user a token was issued to, or null for a token Facebook never issued. */
  String userIdOf(String token) {
    return graph.userIdOf(token);
  }
}

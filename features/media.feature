@media
Feature: Posting an image to Instagram, within Instagram's image rules
  The guide: "Images must have a width of at least 1080 pixels with an aspect ratio between 1.91:1 and 4:5.
  Ayrshare will detect if your image size is not correct and respond with an error." The media guidelines add:
  at most 8 MB, JPG, PNG or GIF. The dashboard reads the image itself; only a fitting image reaches Instagram,
  which creates a media container from it and publishes the container.

  Background:
    Given I am signed in to the dashboard as a new user

  @smoke
  Scenario: A fitting image is published to the linked Instagram account
    Given my Instagram account "brightside.bakery" is linked
    When I post the image "square-1080.jpg" with the caption "Fresh croissants from 7 am"
    Then the page confirms that the image was posted to my Instagram
    And Instagram received one media container with the caption "Fresh croissants from 7 am" and published it

  Scenario Outline: An image on the edge of the rules is posted: <edge>
    Given my Instagram account "mila.creates" is linked
    When I post the image "<image>" with the caption "On the edge: <edge>"
    Then the page confirms that the image was posted to my Instagram
    And Instagram received one media container with the caption "On the edge: <edge>" and published it

    Examples:
      | edge                               | image              |
      | exactly 1080 pixels wide           | square-1080.jpg    |
      | aspect ratio exactly 4:5 (0.8)     | portrait-4-5.jpg   |
      | aspect ratio exactly 1.91:1        | landscape-1.91.jpg |
      | exactly 8 MB                       | exactly-8mb.jpg    |
      | a PNG (sent to Instagram as JPEG)  | square-1080.png    |
      | a GIF (sent to Instagram as JPEG)  | portrait-4-5.gif   |

  @errors
  Scenario Outline: An image outside the rules is refused, and nothing goes to Instagram: <problem>
    Given my Instagram account "mila.creates" is linked
    When I post the image "<image>" with the caption "Outside the rules"
    Then the dashboard answers with Ayrshare's error <code> saying "<says>"
    And the page tells me the image was not posted because "<says>"
    And nothing was sent to Instagram

    Examples:
      | problem                         | image                  | code | says                                                                |
      | 1079 pixels wide                | narrow-1079.jpg        | 364  | The image is 1079 pixels wide. Instagram needs images at least 1080 |
      | taller than 4:5 (1080 × 1351)   | portrait-too-tall.jpg  | 365  | an aspect ratio of 0.799:1. Instagram takes aspect ratios from 4:5  |
      | wider than 1.91:1 (1911 × 1000) | landscape-too-wide.jpg | 365  | an aspect ratio of 1.911:1. Instagram takes aspect ratios from 4:5  |
      | one byte over 8 MB              | over-8mb.jpg           | 361  | Instagram takes images up to 8 MB                                   |
      | BMP, a format Instagram refuses | square-1080.bmp        | 362  | BMP images can't be posted to Instagram                             |
      | TIFF, a format Instagram refuses| square-1080.tiff       | 362  | TIFF images can't be posted to Instagram                            |
      | a corrupt file                  | corrupt.jpg            | 363  | could not be read as a JPEG image                                   |

  @errors
  Scenario: The dashboard reads the image size from the file, not from what the browser says
    Given my Instagram account "mila.creates" is linked
    When the browser posts the image "narrow-1079.jpg" to the dashboard's API, claiming it is 1080 × 1080 pixels
    Then the dashboard answers with Ayrshare's error 364 saying "The image is 1079 pixels wide"
    And nothing was sent to Instagram

  @errors
  Scenario: Posting with no Instagram account linked gets Ayrshare's "not linked" error
    Given my Instagram account is "brightside.bakery"
    When I post the image "square-1080.jpg" with the caption "Nobody to post to"
    Then the dashboard answers with Ayrshare's error 156 saying "Instagram is not linked"
    And the page tells me the image was not posted because "Instagram is not linked. Link it on the Social Accounts page"
    And nothing was sent to Instagram

  @errors
  Scenario: Posting after Instagram revoked the dashboard's access asks me to relink
    Given my Instagram account "brightside.bakery" is linked
    When Instagram revokes the dashboard's access
    And I post the image "square-1080.jpg" with the caption "Too late"
    Then the dashboard answers with Ayrshare's error 156 saying "Instagram is not linked any more"
    And the page tells me the image was not posted because "Relink Instagram on the Social Accounts page"

  @facebook
  Scenario: A fitting image is published to an account linked through a Facebook Page
    Given my Instagram account "brightside.bakery" is linked through the Facebook Page of my Facebook account "dana.baker"
    When I post the image "square-1080.jpg" with the caption "Sourdough from the Page"
    Then the page confirms that the image was posted to my Instagram
    And Facebook received one media container with the caption "Sourdough from the Page" and published it

  @facebook @errors
  Scenario: An image outside the rules is refused for an account linked through a Facebook Page, and nothing goes to Facebook
    Given my Instagram account "brightside.bakery" is linked through the Facebook Page of my Facebook account "dana.baker"
    When I post the image "narrow-1079.jpg" with the caption "Too narrow for the Page"
    Then the dashboard answers with Ayrshare's error 364 saying "The image is 1079 pixels wide. Instagram needs images at least 1080"
    And the page tells me the image was not posted because "The image is 1079 pixels wide"
    And nothing was sent to Facebook

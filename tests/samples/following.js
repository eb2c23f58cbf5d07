window.YTD.following.part0 = [
  {
    "following" : {
      "accountId" : "1001",
      "userLink" : "https://twitter.com/intent/user?user_id=1001"
    }
  },
  {
    "following" : {
      "accountId" : "1002",
      "userLink" : "https://twitter.com/intent/user?user_id=1002"
    }
  },
  {
    "following" : {
      "accountId" : "1003",
      "userLink" : "https://twitter.com/intent/user?user_id=1003"
    }
  }
]
